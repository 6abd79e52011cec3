package dev.meerkat.dashboard.security.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The users and API tokens the dashboard accepts, immutable. */
public final class Users {

  private final Map<String, UserAccount> byName;
  private final Map<String, ApiToken> tokensBySha256;

  Users(Map<String, UserAccount> byName, Map<String, ApiToken> tokensBySha256) {
    this.byName = Map.copyOf(byName);
    this.tokensBySha256 = Map.copyOf(tokensBySha256);
  }

  public static Users none() {
    return new Users(Map.of(), Map.of());
  }

  public Optional<UserAccount> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The user a presented token belongs to, if it is a known token of a known user. */
  public Optional<UserAccount> findByToken(String presentedToken) {
    return Optional.ofNullable(tokensBySha256.get(sha256(presentedToken)))
        .flatMap(token -> find(token.user()));
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  public int size() {
    return byName.size();
  }

  /** These users plus {@code user} (replacing one of the same name) and its token. */
  public Users with(UserAccount user, Optional<ApiToken> token) {
    Map<String, UserAccount> users = new LinkedHashMap<>(byName);
    users.put(user.name(), user);
    Map<String, ApiToken> tokens = new LinkedHashMap<>(tokensBySha256);
    token.ifPresent(t -> tokens.put(t.sha256(), t));
    return new Users(users, tokens);
  }

  /** Lower-case hex SHA-256 of the token's UTF-8 bytes, as the users file stores it. */
  public static String sha256(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JVM has SHA-256", e);
    }
  }
}
