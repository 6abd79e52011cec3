package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Builds span rows and inserts them with plain SQL, so the rollup views fill as in production. */
final class TestSpans {

  private final List<String> rows = new ArrayList<>();

  static TestSpans create() {
    return new TestSpans();
  }

  /** Adds {@code count} identical spans (distinct span ids). */
  TestSpans add(
      int count, String service, String kind, Instant start, Duration duration, boolean error) {
    for (int i = 0; i < count; i++) {
      add(
          new Span(
              "t-" + service + "-" + rows.size(),
              "s-" + rows.size(),
              "",
              service,
              "GET /" + service,
              kind,
              start,
              duration,
              error ? "ERROR" : "OK",
              1.0,
              List.of(),
              List.of()));
    }
    return this;
  }

  TestSpans add(Span span) {
    StringJoiner values = new StringJoiner(", ", "(", ")");
    values.add("toDateTime(" + span.start.getEpochSecond() + ")");
    values.add(Long.toString(span.start.getEpochSecond() * 1_000_000_000L + span.start.getNano()));
    values.add(Long.toString(span.duration.toNanos()));
    values.add(ClickHouseStore.quote(span.traceId));
    values.add(ClickHouseStore.quote(span.spanId));
    values.add(ClickHouseStore.quote(span.parentSpanId));
    values.add(ClickHouseStore.quote(span.service));
    values.add(ClickHouseStore.quote(span.name));
    values.add(ClickHouseStore.quote(span.kind));
    values.add(ClickHouseStore.quote(span.status));
    values.add(Double.toString(span.sampleRate));
    values.add(array(span.attributes.stream().map(a -> a[0]).toList()));
    values.add(array(span.attributes.stream().map(a -> a[1]).toList()));
    values.add(array(span.resource.stream().map(a -> a[0]).toList()));
    values.add(array(span.resource.stream().map(a -> a[1]).toList()));
    rows.add(values.toString());
    return this;
  }

  void insertInto(ClickHouseStore store) {
    store.execute(
        "INSERT INTO spans (start_time, start_time_unix_nano, duration_nanos, trace_id, span_id,"
            + " parent_span_id, service_name, span_name, span_kind, status_code, sample_rate,"
            + " attribute_keys, attribute_values, resource_keys, resource_values) VALUES "
            + String.join(", ", rows));
  }

  private static String array(List<String> values) {
    StringJoiner out = new StringJoiner(", ", "[", "]");
    values.forEach(v -> out.add(ClickHouseStore.quote(v)));
    return out.toString();
  }

  record Span(
      String traceId,
      String spanId,
      String parentSpanId,
      String service,
      String name,
      String kind,
      Instant start,
      Duration duration,
      String status,
      double sampleRate,
      List<String[]> attributes,
      List<String[]> resource) {

    /** A span without resource attributes. */
    Span(
        String traceId,
        String spanId,
        String parentSpanId,
        String service,
        String name,
        String kind,
        Instant start,
        Duration duration,
        String status,
        double sampleRate,
        List<String[]> attributes) {
      this(
          traceId,
          spanId,
          parentSpanId,
          service,
          name,
          kind,
          start,
          duration,
          status,
          sampleRate,
          attributes,
          List.of());
    }
  }
}
