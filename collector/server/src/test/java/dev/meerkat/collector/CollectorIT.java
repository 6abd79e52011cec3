package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.Status;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CollectorIT {

  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static Collector collector;
  private static ClickHouseStore store;
  private static Path dataDir;

  @BeforeAll
  static void startCollector() throws IOException {
    dataDir = Files.createTempDirectory("meerkat-collector-it");
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
    CollectorProcess.deleteRecursively(dataDir);
  }

  private static HttpResponse<byte[]> post(String path, String type, String encoding, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.otlpHttpPort() + path))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (encoding != null) {
      request.header("Content-Encoding", encoding);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.adminPort() + path))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }

  private static List<Row> pollUntil(Supplier<List<Row>> query, int expectedRows) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<Row> rows = query.get();
    while (rows.size() < expectedRows && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      rows = query.get();
    }
    return rows;
  }

  private HttpResponse<String> pollScrape(String... expectedLines) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    HttpResponse<String> scrape = get("/metrics");
    while (!Stream.of(expectedLines).allMatch(scrape.body()::contains)
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      scrape = get("/metrics");
    }
    return scrape;
  }

  @Test
  void storesOtlpSpansAndMetricsAndExposesHealthAndRedMetrics() throws Exception {
    String protobuf = "application/x-protobuf";
    Span invalid =
        OtlpRequests.span("00000000000000aa", "bad", Span.SpanKind.SPAN_KIND_SERVER, 1)
            .setSpanId(com.google.protobuf.ByteString.copyFrom(new byte[3]))
            .build();
    HttpResponse<byte[]> plain =
        post(
            "/v1/traces",
            protobuf,
            null,
            OtlpRequests.traces("checkout", OtlpRequests.serverError("00000000000000a1"), invalid)
                .toByteArray());
    HttpResponse<byte[]> gzipped =
        post(
            "/v1/traces",
            protobuf,
            "gzip",
            gzip(
                OtlpRequests.traces(
                        "checkout", OtlpRequests.clientCall("00000000000000a2", "00000000000000a1"))
                    .toByteArray()));
    HttpResponse<byte[]> malformed =
        post("/v1/traces", protobuf, null, new byte[] {0x0a, (byte) 0xff, 0x01});
    HttpResponse<byte[]> json = post("/v1/traces", "application/json", null, "{}".getBytes());
    HttpResponse<byte[]> metrics =
        post("/v1/metrics", protobuf, null, OtlpRequests.metrics("checkout").toByteArray());

    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("content-type")).hasValue("application/x-protobuf");
    ExportTraceServiceResponse partial = ExportTraceServiceResponse.parseFrom(plain.body());
    assertThat(partial.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    assertThat(partial.getPartialSuccess().getErrorMessage())
        .isEqualTo("span 'bad' has a span_id of 3 bytes, expected 8");
    assertThat(gzipped.statusCode()).isEqualTo(200);
    assertThat(ExportTraceServiceResponse.parseFrom(gzipped.body()).hasPartialSuccess()).isFalse();
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(Status.parseFrom(malformed.body()).getMessage())
        .startsWith("could not decode ExportTraceServiceRequest protobuf: ");
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(new String(json.body())).isEqualTo("{}");
    assertThat(metrics.statusCode()).isEqualTo(200);

    List<Row> spans =
        pollUntil(
            () ->
                store.query(
                    "SELECT span_id, parent_span_id, service_name, span_name, span_kind, status_code,"
                        + " status_message, http_method, http_route, http_status_code, peer_service,"
                        + " duration_nanos, start_time_unix_nano, scope_name FROM spans ORDER BY span_id"),
            2);
    assertThat(spans)
        .extracting(
            r ->
                String.join(
                    "|",
                    r.string("span_id"),
                    r.string("parent_span_id"),
                    r.string("service_name"),
                    r.string("span_name"),
                    r.string("span_kind"),
                    r.string("status_code"),
                    r.string("status_message"),
                    r.string("http_method"),
                    r.string("http_route"),
                    r.string("http_status_code"),
                    r.string("peer_service"),
                    r.string("duration_nanos"),
                    r.string("scope_name")))
        .containsExactly(
            "00000000000000a1||checkout|GET /checkout/{id}|SERVER|ERROR|boom|GET|/checkout/{id}|500||120000000|meerkat-test",
            "00000000000000a2|00000000000000a1|checkout|POST|CLIENT|UNSET||POST||201|billing.internal|30000000|meerkat-test");
    assertThat(spans.get(0).longValue("start_time_unix_nano")).isEqualTo(OtlpRequests.START);

    List<Row> points =
        pollUntil(
            () ->
                store.query(
                    "SELECT metric_name, metric_type, unit, value, point_count, bucket_bounds,"
                        + " bucket_counts, attribute_values FROM metric_points ORDER BY metric_name"),
            2);
    assertThat(points)
        .extracting(
            r ->
                String.join(
                    "|",
                    r.string("metric_name"),
                    r.string("metric_type"),
                    r.string("unit"),
                    r.string("value"),
                    r.string("point_count"),
                    r.string("bucket_bounds"),
                    r.string("bucket_counts"),
                    r.string("attribute_values")))
        .containsExactly(
            "http.server.request.duration|HISTOGRAM|s|0.7|3|[0.1,0.5]|[1,1,1]|['/checkout/{id}']",
            "jvm.threads.count|GAUGE|{thread}|42|0|[]|[]|[]");

    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body())
        .startsWith("{\"status\":\"UP\",\"clickhouse\":{\"status\":\"UP\"")
        .contains("\"spool\":{\"spans\":{\"enabled\":true,\"bytes\":");

    // The rows become visible in ClickHouse just before the writer counts them: poll the count.
    HttpResponse<String> scrape =
        pollScrape(
            "meerkat_collector_written_total{signal=\"spans\"} 2.0\n",
            "meerkat_collector_written_total{signal=\"metric_points\"} 2.0\n");
    assertThat(scrape.statusCode()).isEqualTo(200);
    assertThat(scrape.body())
        .contains("meerkat_service_requests_total{service=\"checkout\"} 1.0\n")
        .contains("meerkat_service_errors_total{service=\"checkout\"} 1.0\n")
        .contains("meerkat_service_request_duration_seconds_count{service=\"checkout\"} 1\n")
        .contains("meerkat_collector_received_total{protocol=\"http\",signal=\"spans\"} 2.0\n")
        .contains("meerkat_collector_accepted_total{protocol=\"http\",signal=\"spans\"} 2.0\n")
        .contains("meerkat_collector_rejected_total{protocol=\"http\",signal=\"spans\"} 1.0\n")
        .contains("meerkat_collector_bad_requests_total{protocol=\"http\",signal=\"spans\"} 1.0\n")
        .contains("meerkat_collector_received_total{protocol=\"grpc\",signal=\"spans\"} 0.0\n")
        .contains("meerkat_collector_written_total{signal=\"spans\"} 2.0\n")
        .contains("meerkat_collector_written_total{signal=\"metric_points\"} 2.0\n")
        .contains("meerkat_collector_queue_size{signal=\"spans\"} 0.0\n")
        .contains("meerkat_collector_spool_items{signal=\"spans\"} 0.0\n")
        .contains("meerkat_collector_spool_segments{signal=\"spans\"} 1.0\n")
        .contains("meerkat_collector_spool_oldest_unsent_age_seconds{signal=\"spans\"} 0.0\n")
        .contains("meerkat_collector_spool_replayed_total{signal=\"spans\"} 0.0\n")
        .contains("meerkat_collector_spool_dead_lettered_total{signal=\"metric_points\"} 0.0\n")
        .containsPattern("meerkat_collector_spool_bytes\\{signal=\"spans\"} [1-9][0-9.E]*\n");
  }
}
