package dev.meerkat.dashboard.security.web;

import dev.meerkat.dashboard.security.domain.Role;
import dev.meerkat.dashboard.security.service.RoleAuthorities;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

/**
 * Roles of a user signed in through OpenID Connect: the values of one claim of the ID token (e.g.
 * {@code groups} or {@code roles}, a string or a list) that name a role ({@code viewer}, {@code
 * editor}, {@code admin}, any case; the highest wins), else the configured default role; with no
 * default, a user without a matching value gets no role and sees nothing.
 */
public final class OidcRoleMapper implements GrantedAuthoritiesMapper {

  private final String claim;
  private final Optional<Role> defaultRole;

  public OidcRoleMapper(String claim, Optional<Role> defaultRole) {
    this.claim = claim;
    this.defaultRole = defaultRole;
  }

  @Override
  public Collection<? extends GrantedAuthority> mapAuthorities(
      Collection<? extends GrantedAuthority> authorities) {
    Optional<Role> highest = Optional.empty();
    for (GrantedAuthority authority : authorities) {
      if (authority instanceof OidcUserAuthority oidc) {
        for (String value : claimValues(oidc.getIdToken().getClaims().get(claim))) {
          Optional<Role> role = Role.parse(value);
          if (role.isPresent() && (highest.isEmpty() || role.get().compareTo(highest.get()) > 0)) {
            highest = role;
          }
        }
      }
    }
    return highest.or(() -> defaultRole).map(RoleAuthorities::of).orElse(List.of());
  }

  static List<String> claimValues(Object value) {
    List<String> values = new ArrayList<>();
    if (value instanceof Collection<?> list) {
      list.forEach(v -> values.add(String.valueOf(v)));
    } else if (value != null) {
      values.add(String.valueOf(value));
    }
    return values;
  }
}
