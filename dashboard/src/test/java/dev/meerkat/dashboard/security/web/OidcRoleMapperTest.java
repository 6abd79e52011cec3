package dev.meerkat.dashboard.security.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.security.domain.Role;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

class OidcRoleMapperTest {

  @Test
  void theHighestRoleNamedInTheClaimWinsInAnyCase() {
    OidcRoleMapper mapper = new OidcRoleMapper("groups", Optional.of(Role.VIEWER));

    assertThat(names(mapper.mapAuthorities(token("groups", List.of("staff", "Editor", "viewer")))))
        .containsExactly("ROLE_VIEWER", "ROLE_EDITOR");
    assertThat(names(mapper.mapAuthorities(token("groups", "ADMIN"))))
        .containsExactly("ROLE_VIEWER", "ROLE_EDITOR", "ROLE_ADMIN");
  }

  @Test
  void aClaimWithoutRoleGivesTheDefaultOrNothing() {
    List<OidcUserAuthority> noRole = token("groups", List.of("staff"));

    assertThat(names(new OidcRoleMapper("groups", Optional.of(Role.VIEWER)).mapAuthorities(noRole)))
        .containsExactly("ROLE_VIEWER");
    assertThat(names(new OidcRoleMapper("groups", Optional.empty()).mapAuthorities(noRole)))
        .isEmpty();
    assertThat(
            names(
                new OidcRoleMapper("roles", Optional.empty())
                    .mapAuthorities(token("groups", "admin"))))
        .as("another claim than the configured one")
        .isEmpty();
  }

  private static List<OidcUserAuthority> token(String claim, Object value) {
    OidcIdToken idToken =
        new OidcIdToken(
            "header.payload.signature",
            Instant.parse("2026-11-30T10:00:00Z"),
            Instant.parse("2026-11-30T11:00:00Z"),
            Map.of("sub", "alice", claim, value));
    return List.of(new OidcUserAuthority(idToken));
  }

  private static List<String> names(Collection<? extends GrantedAuthority> authorities) {
    return authorities.stream().map(GrantedAuthority::getAuthority).toList();
  }
}
