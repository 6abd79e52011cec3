package dev.meerkat.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

  @Test
  void matchesOpensslHmacSha256() {
    // echo -n body | openssl dgst -sha256 -hmac secret
    assertThat(new WebhookSigner("secret").signature("body"))
        .isEqualTo("sha256=dc46983557fea127b43af721467eb9b3fde2338fe3e14f51952aa8478c13d355");
  }

  @Test
  void matchesJavaxCryptoMacOverTheUtf8Body() throws Exception {
    String body = Golden.read("firing.json");
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("s3cr3t-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected =
        "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));

    assertThat(new WebhookSigner("s3cr3t-key").signature(body)).isEqualTo(expected);
  }

  @Test
  void neverShowsTheSecret() {
    assertThat(new WebhookSigner("s3cr3t-key")).hasToString("WebhookSigner{secret=***}");
  }
}
