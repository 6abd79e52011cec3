package dev.meerkat.dashboard.config;

import dev.meerkat.dashboard.security.domain.ApiToken;
import dev.meerkat.dashboard.security.domain.Role;
import dev.meerkat.dashboard.security.domain.UserAccount;
import dev.meerkat.dashboard.security.domain.Users;
import dev.meerkat.dashboard.security.domain.UsersFile;
import dev.meerkat.dashboard.security.domain.UsersFileException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The users the dashboard accepts: those of the users file plus the demo user, checked once at
 * start. Sign-in switched on with nobody able to sign in is refused, with what to set.
 */
final class UsersSetup {

  static final String DEMO_USER = "demo";

  private UsersSetup() {}

  static Users load(MeerkatProperties.Auth auth, boolean oidcConfigured) {
    Users users = Users.none();
    if (!auth.usersFile().isBlank()) {
      users = read(Path.of(auth.usersFile().strip()));
    }
    if (!auth.demoPassword().isEmpty()) {
      users =
          users.with(
              new UserAccount(
                  DEMO_USER, new BCryptPasswordEncoder().encode(auth.demoPassword()), Role.ADMIN),
              auth.demoToken().isEmpty()
                  ? Optional.empty()
                  : Optional.of(new ApiToken("demo", DEMO_USER, Users.sha256(auth.demoToken()))));
    }
    if (auth.enabled() && users.isEmpty() && !oidcConfigured) {
      throw new AuthenticationSetupException(
          "Sign-in is on (meerkat.auth.enabled=true, the default) but no user can sign in:"
              + " meerkat.auth.users-file / MEERKAT_AUTH_USERSFILE "
              + (auth.usersFile().isBlank() ? "is not set" : "lists no user")
              + " and no OpenID Connect provider is configured.",
          null);
    }
    return users;
  }

  private static Users read(Path file) {
    String name = file.toAbsolutePath().normalize().toString();
    try {
      return UsersFile.parse(name, Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AuthenticationSetupException(
          "Users file "
              + name
              + " (meerkat.auth.users-file / MEERKAT_AUTH_USERSFILE) cannot be read: "
              + e,
          e);
    } catch (UsersFileException e) {
      throw new AuthenticationSetupException(e.getMessage(), e);
    }
  }
}
