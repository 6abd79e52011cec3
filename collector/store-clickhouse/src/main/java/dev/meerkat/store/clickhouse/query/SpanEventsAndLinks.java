package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.SpanEventDetail;
import dev.meerkat.store.query.SpanLinkDetail;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adds the events and links of a trace's spans, read from {@code spans} (the only table that has
 * them): {@code spans_by_trace} stays narrow so that every ingested span is not written twice with
 * its events. The read is cheap because the spans already read name the {@code (service_name,
 * span_name)} prefix of {@code spans}' primary key and the trace's time range its third column, so
 * ClickHouse reads only the granules of those operations in those seconds.
 */
final class SpanEventsAndLinks {

  private final ClickHouseStore store;

  SpanEventsAndLinks(ClickHouseStore store) {
    this.store = store;
  }

  /** {@code spans} of trace {@code traceIdLiteral}, stored in {@code range}, with their events. */
  List<SpanDetail> addTo(List<SpanDetail> spans, String traceIdLiteral, String range) {
    if (spans.isEmpty()) {
      return spans;
    }
    String where =
        " WHERE " + operations(spans) + " AND " + range + " AND trace_id = " + traceIdLiteral;
    Map<String, List<SpanEventDetail>> events = new HashMap<>();
    Map<String, List<SpanLinkDetail>> links = new HashMap<>();
    for (Row row : store.query(sql(where))) {
      String spanId = row.string("span_id");
      Map<String, String> attributes = Attributes.zip(row.strings("keys"), row.strings("values"));
      if (row.string("item").equals("event")) {
        events
            .computeIfAbsent(spanId, id -> new ArrayList<>())
            .add(
                new SpanEventDetail(
                    ClickHouseTraceRepository.nanos(row.string("first")),
                    row.string("second"),
                    attributes));
      } else {
        links
            .computeIfAbsent(spanId, id -> new ArrayList<>())
            .add(
                new SpanLinkDetail(
                    row.string("first"), row.string("second"), row.string("third"), attributes));
      }
    }
    if (events.isEmpty() && links.isEmpty()) {
      return spans;
    }
    return spans.stream()
        .map(
            span ->
                span.withEventsAndLinks(
                    events.getOrDefault(span.spanId(), List.of()),
                    links.getOrDefault(span.spanId(), List.of())))
        .toList();
  }

  /**
   * One row per event and per link, in recorded order within each span, from one read of {@code
   * spans}: the ARRAY JOIN runs over ('event', i) for every event and ('link', i) for every link,
   * and each row picks element i of the event or the link arrays (a UNION ALL of two ARRAY JOINs
   * read the same granules twice).
   */
  private static String sql(String where) {
    String isEvent = "tupleElement(entry, 1) = 'event'";
    return "SELECT span_id, tupleElement(entry, 1) AS item, tupleElement(entry, 2) AS position,"
        + " if("
        + isEvent
        + ", toString(event_time_unix_nanos[position]), link_trace_ids[position]) AS first,"
        + " if("
        + isEvent
        + ", event_names[position], link_span_ids[position]) AS second,"
        + " if("
        + isEvent
        + ", '', link_trace_states[position]) AS third,"
        + " if("
        + isEvent
        + ", event_attribute_keys[position], link_attribute_keys[position]) AS keys,"
        + " if("
        + isEvent
        + ", event_attribute_values[position], link_attribute_values[position]) AS values"
        + " FROM spans ARRAY JOIN arrayConcat("
        + "arrayMap(i -> tuple('event', i), arrayEnumerate(event_names)),"
        + " arrayMap(i -> tuple('link', i), arrayEnumerate(link_span_ids))) AS entry"
        + where
        + " ORDER BY span_id, item, position";
  }

  /** {@code (service_name, span_name) IN (...)}: the key prefix of every span of the trace. */
  private static String operations(List<SpanDetail> spans) {
    Set<String> pairs = new LinkedHashSet<>();
    for (SpanDetail span : spans) {
      pairs.add(
          "(" + SqlLiteral.string(span.service()) + ", " + SqlLiteral.string(span.name()) + ")");
    }
    return pairs.stream().collect(Collectors.joining(", ", "(service_name, span_name) IN (", ")"));
  }
}
