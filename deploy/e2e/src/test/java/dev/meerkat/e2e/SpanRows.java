package dev.meerkat.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads spans back from ClickHouse the way the end-to-end tests look at them. */
final class SpanRows {
  private static final String COLUMNS =
      "span_id, parent_span_id, service_name, span_kind, span_name, http_method, http_route,"
          + " http_status_code, status_code, scope_name, attribute_keys, attribute_values,"
          + " resource_keys, resource_values, start_time_unix_nano";

  private SpanRows() {}

  /** Every span of a trace, in start order. */
  static List<Row> trace(ClickHouseStore store, String traceId) {
    return store.query(
        "SELECT "
            + COLUMNS
            + " FROM spans WHERE trace_id = "
            + ClickHouseStore.quote(traceId)
            + " ORDER BY start_time_unix_nano, span_name");
  }

  /**
   * Polls for the one trace whose {@code service}'s SERVER span served {@code method path} and that
   * holds {@code spanCount} spans, and returns its spans in start order. On timeout the failure
   * lists the SERVER spans the service did send.
   */
  static List<Row> serverTrace(
      ClickHouseStore store,
      Duration timeout,
      String service,
      String method,
      String path,
      int spanCount)
      throws InterruptedException {
    String what = spanCount + " spans in the trace of " + service + "'s " + method + " " + path;
    try {
      return Poll.until(
          timeout,
          what,
          () -> {
            List<Row> roots =
                store.query(
                    "SELECT trace_id FROM spans WHERE service_name = "
                        + ClickHouseStore.quote(service)
                        + " AND span_kind = 'SERVER' AND http_method = "
                        + ClickHouseStore.quote(method)
                        + " AND attribute_values[indexOf(attribute_keys, 'url.path')] = "
                        + ClickHouseStore.quote(path));
            assertThat(roots).as("%s SERVER spans of %s", service, path).hasSizeLessThan(2);
            if (roots.isEmpty()) {
              return null;
            }
            List<Row> spans = trace(store, roots.get(0).string("trace_id"));
            return spans.size() >= spanCount ? spans : null;
          });
    } catch (AssertionError e) {
      List<String> seen =
          store
              .query(
                  "SELECT span_name, attribute_values[indexOf(attribute_keys, 'url.path')] AS path"
                      + " FROM spans WHERE span_kind = 'SERVER' AND service_name = "
                      + ClickHouseStore.quote(service))
              .stream()
              .map(r -> r.string("span_name") + " (url.path " + r.string("path") + ")")
              .toList();
      throw new AssertionError(e.getMessage() + "; " + service + " SERVER spans: " + seen, e);
    }
  }

  /** The one span of {@code service} of this kind in the trace. */
  static Row only(List<Row> spans, String service, String kind) {
    List<Row> matching =
        spans.stream()
            .filter(r -> r.string("service_name").equals(service))
            .filter(r -> r.string("span_kind").equals(kind))
            .toList();
    assertThat(matching).as("%s %s spans", service, kind).hasSize(1);
    return matching.get(0);
  }

  /** The direct children of {@code parent}, in start order. */
  static List<Row> children(List<Row> spans, Row parent) {
    return spans.stream()
        .filter(r -> r.string("parent_span_id").equals(parent.string("span_id")))
        .toList();
  }

  static Map<String, String> attributes(Row span) {
    return zip(span.strings("attribute_keys"), span.strings("attribute_values"));
  }

  static Map<String, String> resource(Row span) {
    return zip(span.strings("resource_keys"), span.strings("resource_values"));
  }

  private static Map<String, String> zip(List<String> keys, List<String> values) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      map.put(keys.get(i), values.get(i));
    }
    return map;
  }
}
