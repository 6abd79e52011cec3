package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongPredicate;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Bearer tokens on a real collector over a real ClickHouse: the real Meerkat agent jar sends its
 * token through {@code OTEL_EXPORTER_OTLP_HEADERS} as every OpenTelemetry SDK does, and gets its
 * spans stored; with a wrong token or none nothing is stored and each refused export is counted
 * once, by reason; a grpc-java client gets {@code UNAUTHENTICATED}.
 */
class IngestAuthenticationIT {

  private static final String DEMO_TOKEN = "demo-7f3a9c2e4b1d8f60";
  private static final String CI_TOKEN = "ci-5e8b2d7a1c9f4e30";
  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final Duration DEADLINE = Duration.ofSeconds(90);
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  // Everything the collector logs from its start on.
  private static final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private static Collector collector;
  private static ClickHouseStore store;

  @TempDir static Path dataDir;
  @TempDir Path workDir;

  @BeforeAll
  static void startCollector() {
    log.start();
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(log);
    ClickHouseConfig database = clickHouse.newDatabaseConfig();
    collector =
        Collector.start(
            TestCollectorConfig.with(
                clickHouse.url(),
                database.database(),
                dataDir,
                Map.of("MEERKAT_INGEST_TOKENS", "demo:" + DEMO_TOKEN + ",ci:" + CI_TOKEN)));
    store = ClickHouseStore.connect(database);
  }

  @AfterAll
  static void stopCollector() throws InterruptedException {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(log);
    collector.close();
    store.close();
  }

  @Test
  void agentWithItsTokenInOtelExporterOtlpHeadersGetsItsSpansStored() throws Exception {
    long before = counter("ingest_authenticated_total", "protocol=\"http\",token=\"demo\"");

    runAgentApp("agent-with-token", "http/protobuf", "Authorization=Bearer " + DEMO_TOKEN);

    assertThat(poll(() -> serverSpans("agent-with-token"), count -> count > 0)).isEqualTo(1);
    // One span, one export request, let in under the token's name.
    assertThat(counter("ingest_authenticated_total", "protocol=\"http\",token=\"demo\""))
        .isEqualTo(before + 1);
  }

  @Test
  void agentOverGrpcWithItsTokenGetsItsSpansStored() throws Exception {
    long before = counter("ingest_authenticated_total", "protocol=\"grpc\",token=\"ci\"");

    runAgentApp("agent-grpc-with-token", "grpc", "Authorization=Bearer " + CI_TOKEN);

    assertThat(poll(() -> serverSpans("agent-grpc-with-token"), count -> count > 0)).isEqualTo(1);
    assertThat(counter("ingest_authenticated_total", "protocol=\"grpc\",token=\"ci\""))
        .isEqualTo(before + 1);
  }

  @Test
  void agentWithAWrongTokenStoresNothingAndEachRefusedExportIsCountedOnce() throws Exception {
    String unknown = "protocol=\"http\",reason=\"unknown_token\"";
    long before = counter("ingest_unauthenticated_total", unknown);

    // The app is stopped after its one span was exported: the exporter does not retry a 401.
    runAgentApp("agent-wrong-token", "http/protobuf", "Authorization=Bearer " + DEMO_TOKEN + "0");

    assertThat(counter("ingest_unauthenticated_total", unknown)).isEqualTo(before + 1);
    assertThat(serverSpans("agent-wrong-token")).isZero();
  }

  @Test
  void agentWithoutATokenStoresNothingAndIsCountedAsMissing() throws Exception {
    String missing = "protocol=\"http\",reason=\"missing\"";
    long before = counter("ingest_unauthenticated_total", missing);

    runAgentApp("agent-without-token", "http/protobuf", null);

    assertThat(counter("ingest_unauthenticated_total", missing)).isEqualTo(before + 1);
    assertThat(serverSpans("agent-without-token")).isZero();
  }

  @Test
  void grpcClientWithoutAKnownTokenIsUnauthenticatedAndWithOneIsStored() throws Exception {
    String missing = "protocol=\"grpc\",reason=\"missing\"";
    String malformed = "protocol=\"grpc\",reason=\"malformed\"";
    long missingBefore = counter("ingest_unauthenticated_total", missing);
    long malformedBefore = counter("ingest_unauthenticated_total", malformed);
    ManagedChannel channel =
        Grpc.newChannelBuilderForAddress(
                "127.0.0.1", collector.otlpGrpcPort(), InsecureChannelCredentials.create())
            .build();
    try {
      Span span = OtlpRequests.serverError("aaaaaaaaaaaaaaa1");
      StatusRuntimeException withoutToken =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () -> traces(channel, null).export(OtlpRequests.traces("grpc-no-token", span)));
      StatusRuntimeException basicAuth =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () ->
                  traces(channel, "Basic ZGVtbzpkZW1v")
                      .export(OtlpRequests.traces("grpc-no-token", span)));
      traces(channel, "Bearer " + CI_TOKEN).export(OtlpRequests.traces("grpc-token", span));

      assertThat(withoutToken.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(withoutToken.getStatus().getDescription())
          .isEqualTo(
              "missing bearer token: send the header 'Authorization: Bearer <token>'"
                  + " (OpenTelemetry SDKs: OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer"
                  + " <token>)");
      assertThat(basicAuth.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
      assertThat(counter("ingest_unauthenticated_total", missing)).isEqualTo(missingBefore + 1);
      assertThat(counter("ingest_unauthenticated_total", malformed)).isEqualTo(malformedBefore + 1);
      assertThat(poll(() -> spans("grpc-token"), count -> count > 0)).isEqualTo(1);
      assertThat(spans("grpc-no-token")).isZero();
    } finally {
      channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void noLogLineHoldsATokenNeitherAtStartNorWhenOneIsRefused() throws Exception {
    String wrongToken = "wrong-" + DEMO_TOKEN;
    HttpResponse<String> refused =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + collector.otlpHttpPort() + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf")
                .header("Authorization", "Bearer " + wrongToken)
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[0]))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(log.list)
        .extracting(ILoggingEvent::getFormattedMessage)
        .contains("Ingest: bearer tokens required ([demo, ci])")
        .noneMatch(
            line ->
                line.contains(DEMO_TOKEN) || line.contains(CI_TOKEN) || line.contains(wrongToken));
  }

  @Test
  void adminAnswersOnLoopbackOnlyWhileTheReceiversAnswerOnEveryInterface() {
    InetAddress external = NonLoopbackAddress.find();
    InetAddress loopback = InetAddress.getLoopbackAddress();

    assertThat(NonLoopbackAddress.accepts(loopback, collector.adminPort())).isTrue();
    assertThat(NonLoopbackAddress.accepts(external, collector.adminPort())).isFalse();
    assertThat(NonLoopbackAddress.accepts(external, collector.otlpHttpPort())).isTrue();
    assertThat(NonLoopbackAddress.accepts(external, collector.otlpGrpcPort())).isTrue();
  }

  private static TraceServiceGrpc.TraceServiceBlockingStub traces(
      ManagedChannel channel, String authorization) {
    TraceServiceGrpc.TraceServiceBlockingStub stub =
        TraceServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    if (authorization == null) {
      return stub;
    }
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, authorization);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  /**
   * Runs a tiny JDK HTTP server app under the Meerkat agent (traces only), calls it once, waits
   * until the collector answered the agent's one export (stored, or refused and counted), then
   * stops the app.
   */
  private void runAgentApp(String service, String protocol, String headers) throws Exception {
    Map<String, String> otel = new HashMap<>();
    otel.put("OTEL_EXPORTER_OTLP_PROTOCOL", protocol);
    otel.put(
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "http://127.0.0.1:"
            + (protocol.equals("grpc") ? collector.otlpGrpcPort() : collector.otlpHttpPort()));
    if (headers != null) {
      otel.put("OTEL_EXPORTER_OTLP_HEADERS", headers);
    }
    String protocolLabel = protocol.equals("grpc") ? "grpc" : "http";
    LongSupplier answered = () -> answeredTraceExports(protocolLabel);
    long answeredBefore = answered.getAsLong();
    try (AgentApp app = AgentApp.startWithMeerkatAgent(workDir, service, otel)) {
      app.callHello();
      assertThat(poll(answered, count -> count > answeredBefore))
          .as("agent output: %s", app.log())
          .isEqualTo(answeredBefore + 1);
    }
  }

  /** Export requests over {@code protocol} the gate let in or refused for a token. */
  private static long answeredTraceExports(String protocol) {
    long answered = 0;
    for (String reason : new String[] {"missing", "malformed", "unknown_token"}) {
      answered +=
          counter(
              "ingest_unauthenticated_total",
              "protocol=\"" + protocol + "\",reason=\"" + reason + "\"");
    }
    for (String token : new String[] {"demo", "ci"}) {
      answered +=
          counter(
              "ingest_authenticated_total",
              "protocol=\"" + protocol + "\",token=\"" + token + "\"");
    }
    return answered;
  }

  private static long serverSpans(String service) {
    return store
        .query(
            "SELECT count() AS n FROM spans WHERE service_name = '"
                + service
                + "' AND span_kind = 'SERVER'")
        .get(0)
        .longValue("n");
  }

  private static long spans(String service) {
    return store
        .query("SELECT count() AS n FROM spans WHERE service_name = '" + service + "'")
        .get(0)
        .longValue("n");
  }

  private static long counter(String name, String labels) {
    return counter(collector, name, labels);
  }

  /** A counter of {@code collector}'s /metrics, {@code meerkat_collector_<name>{<labels>}}. */
  static long counter(Collector collector, String name, String labels) {
    String scrape;
    try {
      scrape =
          http.send(
                  HttpRequest.newBuilder(
                          URI.create("http://127.0.0.1:" + collector.adminPort() + "/metrics"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Matcher matcher =
        Pattern.compile(
                "(?m)^meerkat_collector_"
                    + Pattern.quote(name + "{" + labels + "}")
                    + " ([0-9.E]+)$")
            .matcher(scrape);
    if (!matcher.find()) {
      throw new AssertionError("no meerkat_collector_" + name + "{" + labels + "} in " + scrape);
    }
    return (long) Double.parseDouble(matcher.group(1));
  }

  private static long poll(LongSupplier value, LongPredicate done) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    long current = value.getAsLong();
    while (!done.test(current) && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
      current = value.getAsLong();
    }
    return current;
  }
}
