package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.meerkat.agent.testing.SelfSignedPem;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS on both receivers of a real collector from PEM files made by openssl: OTLP over https and
 * over TLS gRPC is stored; plaintext to either port fails; bad PEM files stop the start with a
 * message.
 */
class ReceiverTlsIT {

  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static Collector collector;
  private static ClickHouseStore store;
  private static SelfSignedPem pem;

  @TempDir static Path dir;
  @TempDir Path workDir;

  @BeforeAll
  static void startCollector() {
    pem = SelfSignedPem.create(dir, "meerkat-collector");
    ClickHouseConfig database = clickHouse.newDatabaseConfig();
    collector =
        Collector.start(
            TestCollectorConfig.with(
                clickHouse.url(),
                database.database(),
                dir.resolve("data"),
                Map.of(
                    "MEERKAT_OTLP_TLS_CERT_FILE", pem.certificate().toString(),
                    "MEERKAT_OTLP_TLS_KEY_FILE", pem.key().toString())));
    store = ClickHouseStore.connect(database);
  }

  @AfterAll
  static void stopCollector() throws InterruptedException {
    collector.close();
    store.close();
  }

  @Test
  void storesOtlpSentOverHttps() throws Exception {
    HttpClient client = HttpClient.newBuilder().sslContext(trusting(pem.certificate())).build();

    HttpResponse<byte[]> response =
        client.send(post("https", traces("over-https")), HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(awaitSpans("over-https")).isEqualTo(1);
  }

  @Test
  void storesOtlpSentOverTlsGrpc() throws Exception {
    ManagedChannel channel =
        channel(
            TlsChannelCredentials.newBuilder().trustManager(pem.certificate().toFile()).build());
    try {
      TraceServiceGrpc.newBlockingStub(channel)
          .withDeadlineAfter(30, TimeUnit.SECONDS)
          .export(traces("over-tls-grpc"));
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    assertThat(awaitSpans("over-tls-grpc")).isEqualTo(1);
  }

  @Test
  void theMeerkatAgentSendsOverHttpsTrustingTheCollectorsCertificate() throws Exception {
    try (AgentApp app =
        AgentApp.startWithMeerkatAgent(
            workDir,
            "agent-over-https",
            Map.of(
                "OTEL_EXPORTER_OTLP_PROTOCOL",
                "http/protobuf",
                "OTEL_EXPORTER_OTLP_ENDPOINT",
                "https://localhost:" + collector.otlpHttpPort(),
                "OTEL_EXPORTER_OTLP_CERTIFICATE",
                pem.certificate().toString()))) {
      app.callHello();

      assertThat(awaitSpans("agent-over-https")).as("agent output: %s", app.log()).isEqualTo(1);
    }
  }

  @Test
  void plaintextToEitherTlsPortFailsAndStoresNothing() throws Exception {
    Throwable http =
        catchThrowable(
            () ->
                HttpClient.newHttpClient()
                    .send(post("http", traces("plaintext")), HttpResponse.BodyHandlers.ofString()));
    ManagedChannel channel = channel(InsecureChannelCredentials.create());
    StatusRuntimeException grpc;
    try {
      grpc =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () ->
                  TraceServiceGrpc.newBlockingStub(channel)
                      .withDeadlineAfter(30, TimeUnit.SECONDS)
                      .export(traces("plaintext")));
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }

    assertThat(http).isInstanceOf(IOException.class);
    assertThat(grpc.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);
    assertThat(count("plaintext")).isZero();
  }

  @Test
  void aKeyOfAnotherCertificateStopsTheStartSayingWhich() {
    SelfSignedPem other = SelfSignedPem.create(dir, "other");
    ClickHouseConfig database = clickHouse.newDatabaseConfig();

    Throwable failure =
        catchThrowable(
            () ->
                Collector.start(
                    TestCollectorConfig.with(
                        clickHouse.url(),
                        database.database(),
                        dir.resolve("data-other"),
                        Map.of(
                            "MEERKAT_OTLP_TLS_CERT_FILE", pem.certificate().toString(),
                            "MEERKAT_OTLP_TLS_KEY_FILE", other.key().toString()))));

    assertThat(failure)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "the private key "
                + other.key()
                + " does not belong to the first certificate in "
                + pem.certificate()
                + " (CN=meerkat-collector): configure the key the certificate was issued for");
  }

  private static ManagedChannel channel(ChannelCredentials credentials) {
    // "localhost" is in the certificate's subject alternative names, as the host name check needs.
    return Grpc.newChannelBuilderForAddress("localhost", collector.otlpGrpcPort(), credentials)
        .build();
  }

  private static HttpRequest post(String scheme, ExportTraceServiceRequest request) {
    return HttpRequest.newBuilder(
            URI.create(scheme + "://127.0.0.1:" + collector.otlpHttpPort() + "/v1/traces"))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/x-protobuf")
        .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
        .build();
  }

  private static ExportTraceServiceRequest traces(String service) {
    return OtlpRequests.traces(service, OtlpRequests.serverError("bbbbbbbbbbbbbbb1"));
  }

  private static SSLContext trusting(Path certificate) throws Exception {
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      trusted.setCertificateEntry(
          "collector", CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static long awaitSpans(String service) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    long count = count(service);
    while (count == 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      count = count(service);
    }
    return count;
  }

  private static long count(String service) {
    return store
        .query("SELECT count() AS n FROM spans WHERE service_name = '" + service + "'")
        .get(0)
        .longValue("n");
  }
}
