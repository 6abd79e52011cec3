package dev.meerkat.dashboard.testing;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Inserts spans with plain SQL; the store's materialized views fill the rollup and index. */
public final class SpanSeeder {

  private static final String NO_EVENTS_OR_LINKS = "[], [], [], [], [], [], [], [], []";

  private final List<String> rows = new ArrayList<>();
  private final List<String> eventsAndLinks = new ArrayList<>();
  private String resource = "[], []";
  private int counter;

  public static SpanSeeder create() {
    return new SpanSeeder();
  }

  /**
   * The spans added from now on come from instance {@code id} (resource attribute {@code
   * service.instance.id}); null: from no instance in particular (no resource attributes, as before
   * the first call).
   */
  public SpanSeeder instance(String id) {
    resource = id == null ? "[], []" : "['service.instance.id'], [" + q(id) + "]";
    return this;
  }

  /** {@code count} independent root spans. */
  public SpanSeeder requests(
      int count,
      String service,
      String name,
      String kind,
      Instant start,
      Duration duration,
      boolean error) {
    return requests(count, service, name, kind, start, duration, error, 1.0);
  }

  /** {@code count} independent root spans, each standing for {@code sampleRate} requests. */
  public SpanSeeder requests(
      int count,
      String service,
      String name,
      String kind,
      Instant start,
      Duration duration,
      boolean error,
      double sampleRate) {
    for (int i = 0; i < count; i++) {
      String id = service + "-" + counter++;
      row(
          "trace-" + id,
          "span-" + id,
          "",
          service,
          name,
          kind,
          start,
          duration,
          error,
          "",
          "",
          sampleRate);
    }
    return this;
  }

  public SpanSeeder span(
      String traceId,
      String spanId,
      String parentId,
      String service,
      String name,
      String kind,
      Instant start,
      Duration duration,
      boolean error,
      String attributeKey,
      String attributeValue) {
    return row(
        traceId,
        spanId,
        parentId,
        service,
        name,
        kind,
        start,
        duration,
        error,
        attributeKey,
        attributeValue,
        1.0);
  }

  private SpanSeeder row(
      String traceId,
      String spanId,
      String parentId,
      String service,
      String name,
      String kind,
      Instant start,
      Duration duration,
      boolean error,
      String attributeKey,
      String attributeValue,
      double sampleRate) {
    StringJoiner v = new StringJoiner(", ", "(", ")");
    v.add("toDateTime(" + start.getEpochSecond() + ")");
    v.add(Long.toString(start.getEpochSecond() * 1_000_000_000L + start.getNano()));
    v.add(Long.toString(duration.toNanos()));
    v.add(q(traceId)).add(q(spanId)).add(q(parentId)).add(q(service)).add(q(name)).add(q(kind));
    v.add(q(error ? "ERROR" : "OK"));
    v.add(Double.toString(sampleRate));
    v.add(attributeKey.isEmpty() ? "[]" : "[" + q(attributeKey) + "]");
    v.add(attributeKey.isEmpty() ? "[]" : "[" + q(attributeValue) + "]");
    v.add(resource);
    rows.add(v.toString());
    eventsAndLinks.add(NO_EVENTS_OR_LINKS);
    return this;
  }

  /**
   * Gives the span added last one event {@code millisIntoSpan} after {@code start} (the span's
   * start) with one attribute, and one link with one attribute.
   */
  public SpanSeeder withEventAndLink(
      Instant start,
      long millisIntoSpan,
      String eventName,
      String eventKey,
      String eventValue,
      String linkedTraceId,
      String linkedSpanId,
      String linkKey,
      String linkValue) {
    long startNanos = start.getEpochSecond() * 1_000_000_000L + start.getNano();
    StringJoiner v = new StringJoiner(", ");
    v.add("[" + (startNanos + millisIntoSpan * 1_000_000) + "]");
    v.add("[" + q(eventName) + "]");
    v.add("[[" + q(eventKey) + "]]").add("[[" + q(eventValue) + "]]");
    v.add("[" + q(linkedTraceId) + "]").add("[" + q(linkedSpanId) + "]").add("['']");
    v.add("[[" + q(linkKey) + "]]").add("[[" + q(linkValue) + "]]");
    eventsAndLinks.set(eventsAndLinks.size() - 1, v.toString());
    return this;
  }

  /**
   * Gives the span added last one {@code exception} event at {@code at} with semconv's {@code
   * exception.type} and {@code exception.message}, and no links.
   */
  public SpanSeeder withException(Instant at, String type, String message) {
    long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
    eventsAndLinks.set(
        eventsAndLinks.size() - 1,
        "["
            + nanos
            + "], ['exception'], [['exception.type', 'exception.message']], [["
            + q(type)
            + ", "
            + q(message)
            + "]], [], [], [], [], []");
    return this;
  }

  public void insertInto(ClickHouseStore store) {
    store.execute(
        "INSERT INTO spans (start_time, start_time_unix_nano, duration_nanos, trace_id, span_id,"
            + " parent_span_id, service_name, span_name, span_kind, status_code, sample_rate,"
            + " attribute_keys, attribute_values, resource_keys, resource_values,"
            + " event_time_unix_nanos, event_names,"
            + " event_attribute_keys, event_attribute_values, link_trace_ids, link_span_ids,"
            + " link_trace_states, link_attribute_keys, link_attribute_values) VALUES "
            + String.join(", ", valueRows()));
    rows.clear();
    eventsAndLinks.clear();
  }

  /** Each span's values with its event and link arrays appended inside its parentheses. */
  private List<String> valueRows() {
    List<String> values = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      String row = rows.get(i);
      values.add(row.substring(0, row.length() - 1) + ", " + eventsAndLinks.get(i) + ")");
    }
    return values;
  }

  private static String q(String value) {
    return ClickHouseStore.quote(value);
  }
}
