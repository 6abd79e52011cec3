package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The upstream OpenTelemetry Java agent, unchanged and configured only by the standard {@code
 * OTEL_*} variables, exports an application's server span, JVM metrics and log line to Meerkat over
 * OTLP/gRPC (gzip) and over OTLP/HTTP protobuf.
 */
class UpstreamJavaAgentIT {

  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final Duration ARRIVAL_DEADLINE = Duration.ofSeconds(90);
  private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
  private static Collector collector;
  private static ClickHouseStore store;

  @TempDir Path workDir;

  @TempDir static Path dataDir;

  @BeforeAll
  static void startCollector() {
    ClickHouseConfig database = clickHouse.newDatabaseConfig();
    collector =
        Collector.start(
            TestCollectorConfig.forDatabase(clickHouse.url(), database.database(), dataDir));
    store = ClickHouseStore.connect(database);
  }

  @AfterAll
  static void stopCollector() throws InterruptedException {
    collector.close();
    store.close();
  }

  @Test
  void agentExportsOverGrpcWithGzip() throws Exception {
    String service = "upstream-grpc";
    runApp(
        "grpc",
        service,
        Map.of(
            "OTEL_EXPORTER_OTLP_PROTOCOL", "grpc",
            "OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.otlpGrpcPort(),
            "OTEL_EXPORTER_OTLP_COMPRESSION", "gzip"));
  }

  @Test
  void agentExportsOverHttpProtobuf() throws Exception {
    String service = "upstream-http";
    runApp(
        "http",
        service,
        Map.of(
            "OTEL_EXPORTER_OTLP_PROTOCOL",
            "http/protobuf",
            "OTEL_EXPORTER_OTLP_ENDPOINT",
            "http://127.0.0.1:" + collector.otlpHttpPort()));
  }

  private void runApp(String protocol, String service, Map<String, String> exporter)
      throws Exception {
    Map<String, String> otel = new HashMap<>(exporter);
    otel.put("OTEL_METRIC_EXPORT_INTERVAL", "1000");
    try (AgentApp app =
        AgentApp.start(AgentApp.jar("upstream.javaagent.jar"), workDir, service, otel)) {
      app.callHello();

      List<Row> servers =
          poll(
              () ->
                  store.query(
                      "SELECT span_name, http_method, http_status_code FROM spans WHERE"
                          + " service_name = '"
                          + service
                          + "' AND span_kind = 'SERVER'"),
              rows -> !rows.isEmpty());
      List<Row> metrics =
          poll(
              () ->
                  store.query(
                      "SELECT DISTINCT metric_name FROM metric_points WHERE service_name = '"
                          + service
                          + "' AND metric_name = 'jvm.thread.count'"),
              rows -> !rows.isEmpty());

      List<Row> logs =
          poll(
              () ->
                  store.query(
                      "SELECT body, severity_text, trace_id FROM logs WHERE service_name = '"
                          + service
                          + "'"),
              rows -> !rows.isEmpty());
      List<Row> serverTraces =
          store.query(
              "SELECT trace_id FROM spans WHERE service_name = '"
                  + service
                  + "' AND span_kind = 'SERVER'");

      assertThat(logs)
          .as("agent output: %s", app.log())
          .extracting(r -> r.string("body") + "|" + r.string("severity_text"))
          .containsExactly("answering GET /hello|INFO");
      // The log line was written inside the request, so it carries the server span's trace.
      assertThat(logs.get(0).string("trace_id")).isEqualTo(serverTraces.get(0).string("trace_id"));
      assertThat(servers)
          .as("agent output: %s", app.log())
          .extracting(
              r ->
                  r.string("span_name")
                      + "|"
                      + r.string("http_method")
                      + "|"
                      + r.string("http_status_code"))
          .containsExactly("GET /hello|GET|200");
      assertThat(metrics)
          .extracting(r -> r.string("metric_name"))
          .containsExactly("jvm.thread.count");
      // And they came over the protocol the agent was told to use.
      HttpResponse<String> scrape =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + collector.adminPort() + "/metrics"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(scrape.body())
          .containsPattern(
              "meerkat_collector_accepted_total\\{protocol=\""
                  + protocol
                  + "\",signal=\"spans\"} [1-9]")
          .containsPattern(
              "meerkat_collector_accepted_total\\{protocol=\""
                  + protocol
                  + "\",signal=\"metric_points\"} [1-9]")
          .containsPattern(
              "meerkat_collector_accepted_total\\{protocol=\""
                  + protocol
                  + "\",signal=\"logs\"} [1-9]");
    }
  }

  private static <T> T poll(Supplier<T> query, Predicate<T> done) {
    long deadline = System.nanoTime() + ARRIVAL_DEADLINE.toNanos();
    T value = query.get();
    while (!done.test(value) && System.nanoTime() < deadline) {
      // A poll interval, so the queries leave the CPU to the starting agent.
      LockSupport.parkNanos(POLL_INTERVAL.toNanos());
      value = query.get();
    }
    return value;
  }
}
