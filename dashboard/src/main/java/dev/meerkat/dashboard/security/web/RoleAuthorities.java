package dev.meerkat.dashboard.security.web;

import dev.meerkat.dashboard.security.domain.Role;
import dev.meerkat.dashboard.security.service.CurrentUser;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A role as Spring Security authorities: the role and every role it includes. */
final class RoleAuthorities {

  private RoleAuthorities() {}

  static List<GrantedAuthority> of(Role role) {
    return role.included().stream()
        .<GrantedAuthority>map(r -> new SimpleGrantedAuthority(CurrentUser.ROLE_PREFIX + r.name()))
        .toList();
  }
}
