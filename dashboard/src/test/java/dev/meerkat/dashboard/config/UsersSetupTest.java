package dev.meerkat.dashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.dashboard.security.domain.Role;
import dev.meerkat.dashboard.security.domain.UserAccount;
import dev.meerkat.dashboard.security.domain.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class UsersSetupTest {

  @TempDir Path directory;

  @Test
  void refusesToStartWhenNobodyCanSignIn() {
    assertThatThrownBy(() -> UsersSetup.load(auth(true, "", ""), false))
        .isInstanceOf(AuthenticationSetupException.class)
        .hasMessage(
            "Sign-in is on (meerkat.auth.enabled=true, the default) but no user can sign in:"
                + " meerkat.auth.users-file / MEERKAT_AUTH_USERSFILE is not set and no OpenID"
                + " Connect provider is configured.");
    AuthenticationSetupException refusal =
        new AuthenticationSetupException("no user can sign in", null);
    assertThat(
            new AuthenticationSetupFailureAnalyzer()
                .analyze(new IllegalStateException("context failed", refusal))
                .getAction())
        .isEqualTo(
            "Set MEERKAT_AUTH_USERSFILE (meerkat.auth.users-file) to a users file as"
                + " docs/security.md describes, or MEERKAT_AUTH_ENABLED=false to switch sign-in"
                + " off on a machine nobody else can reach.");
  }

  @Test
  void startsWithoutUsersWhenSignInIsOffOrAProviderIsConfigured() {
    assertThat(UsersSetup.load(auth(false, "", ""), false).isEmpty()).isTrue();
    assertThat(UsersSetup.load(auth(true, "", ""), true).isEmpty()).isTrue();
  }

  @Test
  void namesTheUnreadableFile() {
    Path missing = directory.resolve("users");

    assertThatThrownBy(() -> UsersSetup.load(auth(true, missing.toString(), ""), false))
        .isInstanceOf(AuthenticationSetupException.class)
        .hasMessage(
            "Users file "
                + missing
                + " (meerkat.auth.users-file / MEERKAT_AUTH_USERSFILE) cannot be read:"
                + " java.nio.file.NoSuchFileException: "
                + missing);
  }

  @Test
  void passesOnTheLineOfABadEntry() throws Exception {
    Path file = Files.writeString(directory.resolve("users"), "# team\nuser alice boss x\n");

    assertThatThrownBy(() -> UsersSetup.load(auth(true, file.toString(), ""), false))
        .isInstanceOf(AuthenticationSetupException.class)
        .hasMessage(
            "Users file " + file + ", line 2: unknown role 'boss'; use viewer, editor or admin");
  }

  @Test
  void theDemoUserIsAnAdminWithTheGivenPasswordAndToken() {
    Users users = UsersSetup.load(auth(true, "", "pa55word"), false);

    UserAccount demo = users.find("demo").orElseThrow();
    assertThat(demo.role()).isEqualTo(Role.ADMIN);
    assertThat(new BCryptPasswordEncoder().matches("pa55word", demo.passwordHash())).isTrue();
    assertThat(users.findByToken("mk_demo_token")).contains(demo);
  }

  private static MeerkatProperties.Auth auth(boolean enabled, String file, String demoPassword) {
    return new MeerkatProperties.Auth(
        enabled,
        file,
        Duration.ofMinutes(30),
        5,
        Duration.ofMinutes(1),
        Duration.ofMinutes(15),
        true,
        demoPassword,
        demoPassword.isEmpty() ? "" : "mk_demo_token",
        new MeerkatProperties.Oidc("roles", "viewer"));
  }
}
