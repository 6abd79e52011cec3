package dev.meerkat.dashboard.security.domain;

/**
 * An API token of a user, kept only as its SHA-256: tokens are long random strings, so a fast hash
 * is enough, and the check on every API request stays cheap (bcrypt would cost ~100 ms each).
 *
 * @param name what the token is for, so that one can be revoked by deleting its line
 * @param user the user whose roles the token carries
 * @param sha256 lower-case hex SHA-256 of the token's UTF-8 bytes
 */
public record ApiToken(String name, String user, String sha256) {

  @Override
  public String toString() {
    return "ApiToken[name=" + name + ", user=" + user + "]";
  }
}
