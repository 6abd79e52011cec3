package dev.meerkat.dashboard.security.service;

import dev.meerkat.dashboard.security.domain.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Changes Meerkat makes on its own at start (the demo's SLO) run as the user {@code system:<task>}:
 * the role checks on the services pass, and the audit log says who it was.
 */
public final class SystemUser {

  private SystemUser() {}

  public static void run(String task, Runnable change) {
    SecurityContext previous = SecurityContextHolder.getContext();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            "system:" + task, null, RoleAuthorities.of(Role.ADMIN)));
    SecurityContextHolder.setContext(context);
    try {
      change.run();
    } finally {
      SecurityContextHolder.setContext(previous);
    }
  }
}
