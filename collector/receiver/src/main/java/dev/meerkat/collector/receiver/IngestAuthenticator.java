package dev.meerkat.collector.receiver;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;

/**
 * Checks the {@code Authorization: Bearer <token>} header of an ingest request against the
 * configured tokens. Tokens are compared as SHA-256 digests with {@link MessageDigest#isEqual}
 * against every configured token, without stopping at a match, so the time taken tells an attacker
 * neither how much of a token was right nor how long the tokens are.
 */
public final class IngestAuthenticator {

  /**
   * What {@link #check} found: the index of the token presented (in {@link #names()} order; -1 when
   * no tokens are configured), or why the request is refused.
   */
  record Result(int tokenIndex, AuthFailure failure) {
    boolean accepted() {
      return failure == null;
    }
  }

  private static final Result OPEN = new Result(-1, null);
  private static final Result MISSING = new Result(-1, AuthFailure.MISSING);
  private static final Result MALFORMED = new Result(-1, AuthFailure.MALFORMED);
  private static final Result UNKNOWN = new Result(-1, AuthFailure.UNKNOWN_TOKEN);

  private final List<String> names;
  private final byte[][] digests;
  private final Result[] matches;

  private IngestAuthenticator(List<IngestToken> tokens) {
    names = tokens.stream().map(IngestToken::name).toList();
    digests = new byte[tokens.size()][];
    matches = new Result[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      digests[i] = sha256(tokens.get(i).secret());
      matches[i] = new Result(i, null);
    }
  }

  public static IngestAuthenticator create(List<IngestToken> tokens) {
    return new IngestAuthenticator(tokens);
  }

  /** True when tokens are configured, so requests without a known one are refused. */
  public boolean enabled() {
    return digests.length > 0;
  }

  /** The configured token names, in configuration order. */
  public List<String> names() {
    return names;
  }

  /** Checks {@code authorization}, the header's value (null when absent). */
  Result check(String authorization) {
    if (!enabled()) {
      return OPEN;
    }
    if (authorization == null || authorization.isBlank()) {
      return MISSING;
    }
    String token = bearerToken(authorization);
    if (token == null) {
      return MALFORMED;
    }
    byte[] presented = sha256(token);
    Result result = UNKNOWN;
    for (int i = 0; i < digests.length; i++) {
      // No early exit: every request costs the same whatever it matched.
      if (MessageDigest.isEqual(digests[i], presented)) {
        result = matches[i];
      }
    }
    return result;
  }

  // RFC 6750: the scheme is case-insensitive, then one or more spaces, then one token.
  private static String bearerToken(String authorization) {
    String value = authorization.strip();
    if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
      return null;
    }
    String token = value.substring(7).strip();
    return token.isEmpty() || token.indexOf(' ') >= 0 ? null : token;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
