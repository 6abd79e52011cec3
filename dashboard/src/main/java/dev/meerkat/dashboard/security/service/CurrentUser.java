package dev.meerkat.dashboard.security.service;

import dev.meerkat.dashboard.security.domain.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, from Spring Security's context of the current request (Vaadin keeps it for UI
 * events). Static on purpose: views ask {@code CurrentUser.may(Role.EDITOR)} before showing a
 * button, without one more constructor parameter each; the server-side refusal does not depend on
 * it (method security on the services does that).
 */
public final class CurrentUser {

  /** Authority prefix Spring Security and Vaadin's {@code @RolesAllowed} check use. */
  public static final String ROLE_PREFIX = "ROLE_";

  private CurrentUser() {}

  /** The user's name; {@code system} outside a request (start-up, evaluator). */
  public static String name() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null ? "system" : authentication.getName();
  }

  /** Whether the current user has {@code role} (an admin has every role). */
  public static boolean may(Role role) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication == null) {
      return false;
    }
    String wanted = ROLE_PREFIX + role.name();
    for (GrantedAuthority authority : authentication.getAuthorities()) {
      if (wanted.equals(authority.getAuthority())) {
        return true;
      }
    }
    return false;
  }
}
