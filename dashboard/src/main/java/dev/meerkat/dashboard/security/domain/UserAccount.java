package dev.meerkat.dashboard.security.domain;

/**
 * A user of the dashboard.
 *
 * @param name sign-in name
 * @param passwordHash bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$}); never the password
 * @param role what the user may do
 */
public record UserAccount(String name, String passwordHash, Role role) {

  @Override
  public String toString() {
    return "UserAccount[name=" + name + ", role=" + role + "]";
  }
}
