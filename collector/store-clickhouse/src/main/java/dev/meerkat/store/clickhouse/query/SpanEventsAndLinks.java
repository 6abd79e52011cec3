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

  /** One row per event and per link, in recorded order within each span. */
  private static String sql(String where) {
    return "SELECT span_id, item, position, first, second, third, keys, values FROM ("
        + "SELECT span_id, 'event' AS item, position, toString(event_time) AS first,"
        + " event_name AS second, '' AS third, event_keys AS keys, event_values AS values"
        + " FROM spans ARRAY JOIN event_time_unix_nanos AS event_time, event_names AS event_name,"
        + " event_attribute_keys AS event_keys, event_attribute_values AS event_values,"
        + " arrayEnumerate(event_names) AS position"
        + where
        + " UNION ALL "
        + "SELECT span_id, 'link' AS item, position, link_trace_id AS first,"
        + " link_span_id AS second, link_trace_state AS third, link_keys AS keys,"
        + " link_values AS values"
        + " FROM spans ARRAY JOIN link_trace_ids AS link_trace_id, link_span_ids AS link_span_id,"
        + " link_trace_states AS link_trace_state, link_attribute_keys AS link_keys,"
        + " link_attribute_values AS link_values, arrayEnumerate(link_span_ids) AS position"
        + where
        + ") ORDER BY span_id, item, position";
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
