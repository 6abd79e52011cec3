package dev.meerkat.dashboard.security.service;

import dev.meerkat.dashboard.security.domain.Role;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A role as Spring Security authorities: the role and every role it includes. */
public final class RoleAuthorities {

  private RoleAuthorities() {}

  public static List<GrantedAuthority> of(Role role) {
    return role.included().stream()
        .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(CurrentUser.ROLE_PREFIX + r.name()))
        .toList();
  }
}
