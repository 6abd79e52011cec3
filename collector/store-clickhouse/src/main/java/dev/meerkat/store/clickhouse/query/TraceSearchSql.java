package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.query.AttributeFilter;
import dev.meerkat.store.query.TraceQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The WHERE and HAVING text of a trace search over {@code spans}. */
final class TraceSearchSql {

  private TraceSearchSql() {}

  /**
   * Conditions one span must meet. The window is applied twice: on {@code start_time} (seconds, so
   * partitions and the primary key prune) and on the nanosecond start (exact bounds).
   */
  static String spanFilter(TraceQuery query) {
    List<String> conditions = new ArrayList<>();
    long fromNanos = SqlLiteral.epochNanos(query.from());
    long toNanos = SqlLiteral.epochNanos(query.to());
    conditions.add("start_time >= " + SqlLiteral.dateTime(query.from()));
    conditions.add("start_time <= " + SqlLiteral.dateTime(query.to()));
    conditions.add("start_time_unix_nano >= " + SqlLiteral.uint64(fromNanos));
    conditions.add("start_time_unix_nano < " + SqlLiteral.uint64(toNanos));
    query.service().ifPresent(s -> conditions.add("service_name = " + SqlLiteral.string(s)));
    query.operation().ifPresent(o -> conditions.add("span_name = " + SqlLiteral.string(o)));
    query
        .minDuration()
        .ifPresent(d -> conditions.add("duration_nanos >= " + SqlLiteral.uint64(d.toNanos())));
    query
        .maxDuration()
        .ifPresent(d -> conditions.add("duration_nanos <= " + SqlLiteral.uint64(d.toNanos())));
    query.status().ifPresent(s -> conditions.add("status_code = " + SqlLiteral.string(s.name())));
    for (AttributeFilter filter : query.attributes()) {
      conditions.add(
          "("
              + carries("attribute_keys", "attribute_values", filter)
              + " OR "
              + carries("resource_keys", "resource_values", filter)
              + ")");
    }
    return String.join(" AND ", conditions);
  }

  /** HAVING for the page after {@code cursor}: older first matches, or as old with larger id. */
  static String after(Optional<PageCursor> cursor) {
    return cursor
        .map(
            c ->
                " HAVING first_start < "
                    + SqlLiteral.uint64(c.nanos())
                    + " OR (first_start = "
                    + SqlLiteral.uint64(c.nanos())
                    + " AND trace_id > "
                    + SqlLiteral.string(c.tieBreaker())
                    + ")")
        .orElse("");
  }

  private static String carries(String keys, String values, AttributeFilter filter) {
    return "arrayExists((k, v) -> k = "
        + SqlLiteral.string(filter.key())
        + " AND v = "
        + SqlLiteral.string(filter.value())
        + ", "
        + keys
        + ", "
        + values
        + ")";
  }
}
