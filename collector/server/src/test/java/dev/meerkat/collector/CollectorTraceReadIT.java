package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.query.ClickHouseTraceRepository;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.SpanEventDetail;
import dev.meerkat.store.query.SpanLinkDetail;
import dev.meerkat.store.query.TraceRepository;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Span events and links sent over OTLP/HTTP to a real collector come back, exactly, from the read
 * API's trace by id, and only those of the trace asked for.
 */
class CollectorTraceReadIT {

  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final String OTHER_TRACE_ID = "5b8efff798038103d269b633813fc60c";
  private static final String LINKED_SPAN_ID = "eee19b7ec3c1b174";
  private static Collector collector;
  private static ClickHouseStore store;

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

  private static int post(byte[] body) throws Exception {
    return http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + collector.otlpHttpPort() + "/v1/traces"))
                .header("Content-Type", "application/x-protobuf")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  private static ByteString hex(String id) {
    return ByteString.copyFrom(HexFormat.of().parseHex(id));
  }

  private static Optional<List<SpanDetail>> pollTrace(
      TraceRepository traces, String traceId, int expectedSpans) {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    Optional<List<SpanDetail>> trace = traces.trace(traceId);
    while (trace.map(List::size).orElse(0) < expectedSpans && System.nanoTime() < deadline) {
      Thread.onSpinWait();
      trace = traces.trace(traceId);
    }
    return trace;
  }

  @Test
  void traceByIdReturnsEachSpansEventsAndLinksAsSent() throws Exception {
    Span server =
        OtlpRequests.span("00000000000000a1", "POST /checkout", Span.SpanKind.SPAN_KIND_SERVER, 40)
            .addEvents(
                Span.Event.newBuilder()
                    .setTimeUnixNano(OtlpRequests.START + 1_500)
                    .setName("exception")
                    .addAttributes(OtlpRequests.attribute("exception.type", "PaymentDeclined"))
                    .addAttributes(OtlpRequests.attribute("exception.message", "card expired")))
            .addEvents(
                Span.Event.newBuilder()
                    .setTimeUnixNano(OtlpRequests.START + 2_000_000)
                    .setName("retry"))
            .addLinks(
                Span.Link.newBuilder()
                    .setTraceId(hex(OTHER_TRACE_ID))
                    .setSpanId(hex(LINKED_SPAN_ID))
                    .setTraceState("rojo=00f067aa0ba902b7")
                    .addAttributes(OtlpRequests.attribute("link.reason", "batch")))
            .build();
    Span client =
        OtlpRequests.span("00000000000000a2", "GET", Span.SpanKind.SPAN_KIND_CLIENT, 10)
            .setParentSpanId(hex("00000000000000a1"))
            .addLinks(
                Span.Link.newBuilder()
                    .setTraceId(hex(OTHER_TRACE_ID))
                    .setSpanId(hex("00000000000000b7")))
            .build();
    // Same service, operation and second as the server span, another trace: must not leak in.
    Span otherTrace =
        OtlpRequests.span("00000000000000c1", "POST /checkout", Span.SpanKind.SPAN_KIND_SERVER, 5)
            .setTraceId(hex(OTHER_TRACE_ID))
            .addEvents(Span.Event.newBuilder().setTimeUnixNano(OtlpRequests.START).setName("other"))
            .build();
    Span inventory =
        OtlpRequests.span("00000000000000a3", "reserve", Span.SpanKind.SPAN_KIND_SERVER, 8)
            .setParentSpanId(hex("00000000000000a2"))
            .addEvents(
                Span.Event.newBuilder()
                    .setTimeUnixNano(OtlpRequests.START + 3_000_000)
                    .setName("stock.low")
                    .addAttributes(OtlpRequests.attribute("sku", "A-1")))
            .build();

    assertThat(post(OtlpRequests.traces("checkout", server, client, otherTrace).toByteArray()))
        .isEqualTo(200);
    assertThat(post(OtlpRequests.traces("inventory", inventory).toByteArray())).isEqualTo(200);

    TraceRepository traces = new ClickHouseTraceRepository(store);
    List<SpanDetail> trace = pollTrace(traces, OtlpRequests.TRACE_ID, 3).orElseThrow();

    assertThat(trace)
        .extracting(SpanDetail::spanId)
        .containsExactly("00000000000000a1", "00000000000000a2", "00000000000000a3");
    assertThat(trace.get(0).events())
        .containsExactly(
            new SpanEventDetail(
                Instant.ofEpochSecond(0, OtlpRequests.START + 1_500),
                "exception",
                Map.of("exception.type", "PaymentDeclined", "exception.message", "card expired")),
            new SpanEventDetail(
                Instant.ofEpochSecond(0, OtlpRequests.START + 2_000_000), "retry", Map.of()));
    assertThat(trace.get(0).events().getFirst().attributes().keySet())
        .containsExactly("exception.type", "exception.message");
    assertThat(trace.get(0).links())
        .containsExactly(
            new SpanLinkDetail(
                OTHER_TRACE_ID,
                LINKED_SPAN_ID,
                "rojo=00f067aa0ba902b7",
                Map.of("link.reason", "batch")));
    assertThat(trace.get(1).events()).isEmpty();
    assertThat(trace.get(1).links())
        .containsExactly(new SpanLinkDetail(OTHER_TRACE_ID, "00000000000000b7", "", Map.of()));
    assertThat(trace.get(2).events())
        .containsExactly(
            new SpanEventDetail(
                Instant.ofEpochSecond(0, OtlpRequests.START + 3_000_000),
                "stock.low",
                Map.of("sku", "A-1")));
    assertThat(trace.get(2).links()).isEmpty();

    List<SpanDetail> other = pollTrace(traces, OTHER_TRACE_ID, 1).orElseThrow();
    assertThat(other).hasSize(1);
    assertThat(other.getFirst().events())
        .containsExactly(
            new SpanEventDetail(Instant.ofEpochSecond(0, OtlpRequests.START), "other", Map.of()));
  }
}
