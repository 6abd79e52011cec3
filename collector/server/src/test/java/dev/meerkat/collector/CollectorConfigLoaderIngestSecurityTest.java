package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.collector.receiver.IngestToken;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorConfigLoaderIngestSecurityTest {

  private static final String TOKEN_A = "aaaaaaaaaaaaaaaa-1";
  private static final String TOKEN_B = "bbbbbbbbbbbbbbbb-2";
  private static final String TOKEN_C = "cccccccccccccccc-3";

  @TempDir Path dir;

  private static IngestSecuritySettings load(Map<String, String> environment) {
    return CollectorConfigLoader.load(environment, new Properties()).ingestSecurity();
  }

  private static void assertRefused(Map<String, String> environment, String message) {
    assertThatThrownBy(() -> load(environment))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void defaultsToOpenPlaintextIngestOnAllInterfacesAndAdminOnLoopback() throws Exception {
    IngestSecuritySettings security = load(Map.of());

    assertThat(security)
        .isEqualTo(
            new IngestSecuritySettings(
                List.of(),
                Optional.empty(),
                InetAddress.getByName("0.0.0.0"),
                InetAddress.getByName("127.0.0.1"),
                0,
                1));
    assertThat(security.toString())
        .isEqualTo(
            "tokens=none (open), tls=off, otlpBind=0.0.0.0, adminBind=127.0.0.1, rateLimit=off");
  }

  @Test
  void readsTokensFromTheVariableAndTheFileInThatOrder() throws IOException {
    Path file = dir.resolve("tokens");
    Files.writeString(
        file, "# sender  token\n\ncheckout " + TOKEN_B + "\n  billing\t" + TOKEN_C + "  \n");

    IngestSecuritySettings security =
        load(
            Map.of(
                "MEERKAT_INGEST_TOKENS",
                " demo:" + TOKEN_A + " ",
                "MEERKAT_INGEST_TOKENS_FILE",
                file.toString()));

    assertThat(security.tokens())
        .containsExactly(
            new IngestToken("demo", TOKEN_A),
            new IngestToken("checkout", TOKEN_B),
            new IngestToken("billing", TOKEN_C));
  }

  @Test
  void printsTokenNamesButNeverTheTokens() throws IOException {
    CollectorConfig config =
        CollectorConfigLoader.load(
            Map.of("MEERKAT_INGEST_TOKENS", "demo:" + TOKEN_A + ",ci:" + TOKEN_B),
            new Properties());

    assertThat(config.toString())
        .contains(", tokens=[demo, ci], tls=off,")
        .doesNotContain(TOKEN_A)
        .doesNotContain(TOKEN_B);
    assertThat(config.ingestSecurity().tokens().get(0).toString())
        .isEqualTo("IngestToken[name=demo, secret=***]");
  }

  @Test
  void refusesMalformedTokenEntriesWithoutRepeatingTheToken() {
    assertRefused(
        Map.of("MEERKAT_INGEST_TOKENS", "demo:" + TOKEN_A + "," + TOKEN_B),
        "MEERKAT_INGEST_TOKENS entry 2 is not name:token; write e.g."
            + " MEERKAT_INGEST_TOKENS=checkout:<token>,...");
    assertRefused(
        Map.of("MEERKAT_INGEST_TOKENS", "my app:" + TOKEN_A),
        "MEERKAT_INGEST_TOKENS entry 1: token name 'my app' must be 1-64 letters, digits, '.', '_'"
            + " or '-'");
    assertRefused(
        Map.of("MEERKAT_INGEST_TOKENS", "demo:short"),
        "MEERKAT_INGEST_TOKENS entry 1 ('demo'): the token must be at least 16 characters;"
            + " generate one with: openssl rand -hex 32");
    assertRefused(
        Map.of("MEERKAT_INGEST_TOKENS", "demo:0123456789abcdef+/="),
        "MEERKAT_INGEST_TOKENS entry 1 ('demo'): the token may hold only letters, digits, '.',"
            + " '_', '~' and '-'; generate one with: openssl rand -hex 32");
    assertRefused(
        Map.of("MEERKAT_INGEST_TOKENS", "demo:" + TOKEN_A + ",demo:" + TOKEN_B),
        "token name 'demo' is configured twice (MEERKAT_INGEST_TOKENS entry 1 and"
            + " MEERKAT_INGEST_TOKENS entry 2): names must be unique, so that one sender's token"
            + " can be revoked");
    assertRefused(
        Map.of("MEERKAT_INGEST_TOKENS", "demo:" + TOKEN_A + ",ci:" + TOKEN_A),
        "tokens 'demo' and 'ci' are the same secret (MEERKAT_INGEST_TOKENS entry 2): give every"
            + " sender its own token");
  }

  @Test
  void refusesABadTokensFileSayingWhichLine() throws IOException {
    Path file = dir.resolve("tokens");
    Files.writeString(file, "checkout " + TOKEN_A + "\nbilling\n");
    Path empty = dir.resolve("empty");
    Files.writeString(empty, "# nobody yet\n");
    Path missing = dir.resolve("missing");

    assertRefused(
        Map.of("MEERKAT_INGEST_TOKENS_FILE", file.toString()),
        "MEERKAT_INGEST_TOKENS_FILE line 2 is not '<name> <token>' (two fields separated by"
            + " spaces)");
    assertRefused(
        Map.of("MEERKAT_INGEST_TOKENS_FILE", empty.toString()),
        "MEERKAT_INGEST_TOKENS_FILE "
            + empty
            + " holds no token; add lines '<name> <token>', or unset MEERKAT_INGEST_TOKENS_FILE to"
            + " accept data without tokens");
    assertRefused(
        Map.of("MEERKAT_INGEST_TOKENS_FILE", missing.toString()),
        "MEERKAT_INGEST_TOKENS_FILE "
            + missing
            + " cannot be read (NoSuchFileException): check the path and that the collector's"
            + " user may read it");
  }

  @Test
  void readsTlsFilesBindAddressesAndTheRateLimit() throws Exception {
    Map<String, String> environment = new HashMap<>();
    environment.put("MEERKAT_OTLP_TLS_CERT_FILE", "/etc/meerkat/chain.pem");
    environment.put("MEERKAT_OTLP_TLS_KEY_FILE", "/etc/meerkat/key.pem");
    environment.put("MEERKAT_OTLP_BIND_ADDRESS", "10.1.2.3");
    environment.put("MEERKAT_ADMIN_BIND_ADDRESS", "::1");
    environment.put("MEERKAT_INGEST_RATE_LIMIT", "500");

    IngestSecuritySettings security = load(environment);

    assertThat(security.tls())
        .contains(
            new IngestSecuritySettings.TlsFiles(
                Path.of("/etc/meerkat/chain.pem"), Path.of("/etc/meerkat/key.pem")));
    assertThat(security.otlpBindAddress()).isEqualTo(InetAddress.getByName("10.1.2.3"));
    assertThat(security.adminBindAddress()).isEqualTo(InetAddress.getByName("::1"));
    assertThat(security.rateLimit()).isEqualTo(500);
    assertThat(security.rateBurst()).isEqualTo(500); // the burst defaults to one second's worth
    assertThat(load(Map.of("MEERKAT_INGEST_RATE_LIMIT", "5", "MEERKAT_INGEST_RATE_BURST", "50")))
        .extracting(IngestSecuritySettings::rateBurst)
        .isEqualTo(50);
  }

  @Test
  void refusesHalfATlsSetupAHostNameAsBindAddressAndANegativeRate() {
    assertRefused(
        Map.of("MEERKAT_OTLP_TLS_CERT_FILE", "/etc/meerkat/chain.pem"),
        "TLS needs both MEERKAT_OTLP_TLS_CERT_FILE (PEM certificate chain) and"
            + " MEERKAT_OTLP_TLS_KEY_FILE (PEM PKCS#8 private key); only MEERKAT_OTLP_TLS_CERT_FILE"
            + " is set");
    assertRefused(
        Map.of("MEERKAT_ADMIN_BIND_ADDRESS", "localhost"),
        "MEERKAT_ADMIN_BIND_ADDRESS must be an IP address (e.g. 127.0.0.1, 0.0.0.0 for all"
            + " interfaces, :: for all IPv6 ones), got 'localhost'");
    assertRefused(
        Map.of("MEERKAT_OTLP_BIND_ADDRESS", "300.1.1.1"),
        "MEERKAT_OTLP_BIND_ADDRESS must be an IP address (e.g. 127.0.0.1, 0.0.0.0 for all"
            + " interfaces, :: for all IPv6 ones), got '300.1.1.1'");
    assertRefused(
        Map.of("MEERKAT_OTLP_BIND_ADDRESS", "1::2::3"),
        "MEERKAT_OTLP_BIND_ADDRESS must be an IP address (e.g. 127.0.0.1, 0.0.0.0 for all"
            + " interfaces, :: for all IPv6 ones), got '1::2::3'");
    assertRefused(
        Map.of("MEERKAT_INGEST_RATE_LIMIT", "-1"),
        "MEERKAT_INGEST_RATE_LIMIT must be requests per second >= 0 (0: no limit), got -1");
    assertRefused(
        Map.of("MEERKAT_INGEST_RATE_LIMIT", "10", "MEERKAT_INGEST_RATE_BURST", "0"),
        "MEERKAT_INGEST_RATE_BURST must be at least 1 request, got 0");
  }
}
