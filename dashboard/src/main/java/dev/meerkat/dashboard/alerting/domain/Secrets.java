package dev.meerkat.dashboard.alerting.domain;

import java.net.URI;

/** How a secret is shown once saved: never in full. */
public final class Secrets {

  public static final String MASK = "****";

  private Secrets() {}

  /**
   * The scheme and host of a URL and a mask for the rest, e.g. {@code
   * https://hooks.slack.com/services/T000/B000/XXX} becomes {@code https://hooks.slack.com/…****}:
   * path, query and user info may carry a token. An unparsable URL is masked whole.
   */
  public static String maskUrl(String url) {
    if (url == null || url.isBlank()) {
      return "";
    }
    try {
      URI uri = URI.create(url.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return MASK;
      }
      String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
      return uri.getScheme() + "://" + uri.getHost() + port + "/…" + MASK;
    } catch (IllegalArgumentException e) {
      return MASK;
    }
  }

  /** A set secret shows as the mask, an unset one as empty. */
  public static String mask(String secret) {
    return secret == null || secret.isEmpty() ? "" : MASK;
  }
}
