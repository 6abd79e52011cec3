package dev.meerkat.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs webhook bodies so receivers can check they come from Meerkat: the {@code
 * X-Meerkat-Signature} header is {@code sha256=<lower-case hex HMAC-SHA256 of the exact body bytes
 * (UTF-8), keyed with the UTF-8 bytes of the secret>} (the GitHub webhook convention). A receiver
 * recomputes it over the raw body and compares in constant time.
 */
public final class WebhookSigner {

  public static final String HEADER = "X-Meerkat-Signature";

  private final SecretKeySpec key;

  public WebhookSigner(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("signing secret must not be empty");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The header value for {@code body}: {@code sha256=<hex>}. */
  public String signature(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      byte[] digest = mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
      return "sha256=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      // HmacSHA256 is mandatory in every Java SE implementation.
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSigner{secret=***}";
  }
}
