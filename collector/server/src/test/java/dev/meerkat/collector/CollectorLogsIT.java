package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.meerkat.collector.receiver.IngestLimits;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /v1/logs and span events end to end through a real collector, with small ingest limits. */
class CollectorLogsIT {

  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final HttpClient http = HttpClient.newHttpClient();
  // 2 attributes per list, 1 event, 1 link, values of 8 characters.
  private static final IngestLimits LIMITS = new IngestLimits(2, 1, 1, 8);
  private static Collector collector;
  private static ClickHouseStore store;

  @TempDir static Path dataDir;

  @BeforeAll
  static void startCollector() {
    ClickHouseConfig database = clickHouse.newDatabaseConfig();
    collector =
        Collector.start(
            TestCollectorConfig.with(
                clickHouse.url(),
                database.database(),
                dataDir,
                Map.of(
                    "MEERKAT_MAX_ATTRIBUTES_PER_SPAN", Integer.toString(LIMITS.maxAttributes()),
                    "MEERKAT_MAX_EVENTS_PER_SPAN", Integer.toString(LIMITS.maxEventsPerSpan()),
                    "MEERKAT_MAX_LINKS_PER_SPAN", Integer.toString(LIMITS.maxLinksPerSpan()),
                    "MEERKAT_MAX_ATTRIBUTE_VALUE_LENGTH",
                        Integer.toString(LIMITS.maxAttributeValueLength()))));
    store = ClickHouseStore.connect(database);
  }

  @AfterAll
  static void stopCollector() throws InterruptedException {
    collector.close();
    store.close();
  }

  private static HttpResponse<byte[]> post(String path, byte[] body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + collector.otlpHttpPort() + path))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static String scrape() throws Exception {
    return http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + collector.adminPort() + "/metrics"))
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
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

  private static String pollScrape(String expectedLine) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    String body = scrape();
    while (!body.contains(expectedLine) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      body = scrape();
    }
    return body;
  }

  private static ExportLogsServiceRequest logs() {
    LogRecord correlated =
        LogRecord.newBuilder()
            .setTimeUnixNano(OtlpRequests.START)
            .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_WARN)
            .setSeverityText("WARN")
            .setBody(OtlpRequests.attribute("b", "stock low: 2 left, reorder now").getValue())
            .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(OtlpRequests.TRACE_ID)))
            .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex("00000000000000c1")))
            .addAttributes(OtlpRequests.attribute("sku", "A-1"))
            .addAttributes(OtlpRequests.attribute("warehouse", "north-east-1"))
            .addAttributes(OtlpRequests.attribute("dropped", "yes"))
            .build();
    LogRecord plain =
        LogRecord.newBuilder()
            .setTimeUnixNano(OtlpRequests.START + 1_000_000_000L)
            .setSeverityNumber(SeverityNumber.SEVERITY_NUMBER_INFO)
            .setBody(OtlpRequests.attribute("b", "started").getValue())
            .build();
    LogRecord invalid = LogRecord.newBuilder().setSpanId(ByteString.copyFrom(new byte[5])).build();
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder()
                .setResource(OtlpRequests.resource("inventory"))
                .addScopeLogs(
                    ScopeLogs.newBuilder()
                        .addLogRecords(correlated)
                        .addLogRecords(plain)
                        .addLogRecords(invalid)))
        .build();
  }

  @Test
  void storesLogsAndSpanEventsWithinTheLimitsAndCountsWhatWasCut() throws Exception {
    Span withEvents =
        OtlpRequests.span("00000000000000c1", "reserve", Span.SpanKind.SPAN_KIND_INTERNAL, 5)
            .addEvents(
                Span.Event.newBuilder()
                    .setTimeUnixNano(OtlpRequests.START + 1)
                    .setName("exception")
                    .addAttributes(OtlpRequests.attribute("exception.type", "StockError"))
                    .addAttributes(
                        OtlpRequests.attribute("exception.stacktrace", "StockError: none\n\tat x"))
                    .addAttributes(OtlpRequests.attribute("exception.message", "none")))
            .addEvents(Span.Event.newBuilder().setName("second"))
            .build();

    HttpResponse<byte[]> logsResponse = post("/v1/logs", logs().toByteArray());
    HttpResponse<byte[]> tracesResponse =
        post("/v1/traces", OtlpRequests.traces("inventory", withEvents).toByteArray());

    assertThat(logsResponse.statusCode()).isEqualTo(200);
    ExportLogsServiceResponse partial = ExportLogsServiceResponse.parseFrom(logsResponse.body());
    assertThat(partial.getPartialSuccess().getRejectedLogRecords()).isEqualTo(1);
    assertThat(partial.getPartialSuccess().getErrorMessage())
        .isEqualTo("log record has a span_id of 5 bytes, expected 8 or none");
    assertThat(tracesResponse.statusCode()).isEqualTo(200);

    List<Row> logs =
        pollUntil(
            () ->
                store.query(
                    "SELECT toUnixTimestamp(timestamp) AS seconds, severity_number, severity_text,"
                        + " body, trace_id, span_id, service_name, attribute_keys,"
                        + " attribute_values FROM logs ORDER BY timestamp"),
            2);
    long seconds = OtlpRequests.START / 1_000_000_000L;
    assertThat(logs)
        .extracting(
            r ->
                String.join(
                    "|",
                    r.string("seconds"),
                    r.string("severity_number"),
                    r.string("severity_text"),
                    r.string("body"),
                    r.string("trace_id"),
                    r.string("span_id"),
                    r.string("service_name"),
                    r.string("attribute_keys"),
                    r.string("attribute_values")))
        .containsExactly(
            seconds
                + "|13|WARN|stock low: 2 left, reorder now|"
                + OtlpRequests.TRACE_ID
                + "|00000000000000c1|inventory|['sku','warehouse']|['A-1','north-ea']",
            (seconds + 1) + "|9||started|||inventory|[]|[]");
    // The view fills its table just after the logs insert becomes visible: poll it too.
    assertThat(pollUntil(() -> store.query("SELECT trace_id, span_id FROM log_trace_index"), 1))
        .extracting(r -> r.string("trace_id") + "/" + r.string("span_id"))
        .containsExactly(OtlpRequests.TRACE_ID + "/00000000000000c1");

    List<Row> spans =
        pollUntil(
            () ->
                store.query(
                    "SELECT event_names, event_attribute_keys, event_attribute_values FROM spans"),
            1);
    assertThat(spans)
        .extracting(
            r ->
                r.string("event_names")
                    + "|"
                    + r.string("event_attribute_keys")
                    + "|"
                    + r.string("event_attribute_values"))
        .containsExactly(
            "['exception']|[['exception.type','exception.stacktrace']]"
                + "|[['StockErr','StockError: none\n\tat x']]");

    String metrics = pollScrape("meerkat_collector_written_total{signal=\"logs\"} 2.0\n");
    assertThat(metrics)
        .contains("meerkat_collector_received_total{protocol=\"http\",signal=\"logs\"} 2.0\n")
        .contains("meerkat_collector_rejected_total{protocol=\"http\",signal=\"logs\"} 1.0\n")
        .contains("meerkat_collector_written_total{signal=\"logs\"} 2.0\n")
        .contains("meerkat_collector_queue_size{signal=\"logs\"} 0.0\n")
        // Logs: 1 of 3 attributes dropped, "north-east-1" and the resource's "inventory" cut.
        .contains("meerkat_collector_truncated_total{signal=\"logs\",what=\"attributes\"} 1.0\n")
        .contains(
            "meerkat_collector_truncated_total{signal=\"logs\",what=\"attribute_values\"} 2.0\n")
        // Spans: 1 of 2 events and 1 of 3 event attributes dropped, "StockError" and
        // "inventory" cut; the stack trace is kept whole.
        .contains("meerkat_collector_truncated_total{signal=\"spans\",what=\"events\"} 1.0\n")
        .contains(
            "meerkat_collector_truncated_total{signal=\"spans\",what=\"event_attributes\"} 1.0\n")
        .contains(
            "meerkat_collector_truncated_total{signal=\"spans\",what=\"attribute_values\"} 2.0\n")
        .contains(
            "meerkat_collector_truncated_total{signal=\"metric_points\",what=\"links\"} 0.0\n");
  }
}
