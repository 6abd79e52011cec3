package dev.meerkat.dashboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.agent.testing.SelfSignedPem;
import dev.meerkat.dashboard.testing.TemporaryDirectories;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard serving HTTPS from PEM files with Spring Boot's own settings ({@code
 * server.ssl.certificate}, {@code server.ssl.certificate-private-key}), as docs/security.md tells
 * an operator to configure it. The certificate is made by openssl at test time. Sign-in is switched
 * off explicitly: this test is about the transport, not about who may read.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"meerkat.slo.evaluation-enabled=false", "meerkat.auth.enabled=false"})
class DashboardTlsIT {

  private static final Path DIRECTORY = TemporaryDirectories.create("meerkat-dashboard-tls-");
  private static final SelfSignedPem PEM = SelfSignedPem.create(DIRECTORY, "dashboard");
  private static final ClickHouseConfig DATABASE = ClickHouseFixture.shared().newDatabaseConfig();

  @LocalServerPort private int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("meerkat.clickhouse.url", DATABASE::url);
    registry.add("meerkat.clickhouse.database", DATABASE::database);
    registry.add("meerkat.data-dir", () -> DIRECTORY.resolve("data").toString());
    registry.add("server.ssl.certificate", () -> PEM.certificate().toString());
    registry.add("server.ssl.certificate-private-key", () -> PEM.key().toString());
  }

  @Test
  void servesTheApiOverHttpsWithTheConfiguredCertificate() throws Exception {
    try (HttpClient client = HttpClient.newBuilder().sslContext(trusting(PEM)).build()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("https://127.0.0.1:" + port + "/api/v1/openapi.json"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.sslSession()).isPresent();
      assertThat(response.sslSession().orElseThrow().getPeerCertificates()[0])
          .isEqualTo(certificate(PEM));
    }
  }

  @Test
  void aClientThatDoesNotTrustTheCertificateIsRefusedTheHandshake() {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/api/v1/openapi.json"))
              .build();
      assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void plainHttpOnTheTlsPortIsAnsweredWithBadRequest() throws Exception {
    try (HttpClient client = HttpClient.newHttpClient()) {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/api/v1/openapi.json"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      // Tomcat's answer to a plaintext request on a TLS connector.
      assertThat(response.statusCode()).isEqualTo(400);
    }
  }

  private static SSLContext trusting(SelfSignedPem pem)
      throws GeneralSecurityException, IOException {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("dashboard", certificate(pem));
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static Certificate certificate(SelfSignedPem pem)
      throws GeneralSecurityException, IOException {
    try (InputStream in = Files.newInputStream(pem.certificate())) {
      return CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }
}
