package dev.meerkat.store.clickhouse.query;

import static dev.meerkat.store.clickhouse.query.RollupSql.dateTime;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.TraceRepository;
import dev.meerkat.store.query.TraceSummary;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link TraceRepository} over {@code spans} and {@code trace_index}: a trace is found by id in the
 * index (ordered by trace id), then read from the spans table within its time range so only the
 * partitions of those days are scanned.
 */
public final class ClickHouseTraceRepository implements TraceRepository {

  private static final String SPAN_COLUMNS =
      "trace_id, span_id, parent_span_id, service_name, span_name, toString(span_kind) AS kind,"
          + " start_time_unix_nano, duration_nanos, toString(status_code) AS status,"
          + " status_message, attribute_keys, attribute_values, resource_keys, resource_values";

  private final ClickHouseStore store;

  public ClickHouseTraceRepository(ClickHouseStore store) {
    this.store = store;
  }

  @Override
  public List<TraceSummary> recentTraces(
      String service, Instant from, Instant to, int offset, int limit) {
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must be >= 0");
    }
    return store
        .query(
            "SELECT trace_id, span_id, span_name, toString(span_kind) AS kind,"
                + " start_time_unix_nano, duration_nanos, toString(status_code) AS status"
                + " FROM spans WHERE service_name = "
                + ClickHouseStore.quote(service)
                + " AND start_time >= "
                + dateTime(from)
                + " AND start_time < "
                + dateTime(to)
                + " AND (parent_span_id = '' OR span_kind IN ('SERVER', 'CONSUMER'))"
                + " ORDER BY start_time_unix_nano DESC, span_id LIMIT "
                + offset
                + ", "
                + limit)
        .stream()
        .map(ClickHouseTraceRepository::summary)
        .toList();
  }

  @Override
  public Optional<List<SpanDetail>> trace(String traceId) {
    String id = ClickHouseStore.quote(traceId);
    Row range =
        store
            .query(
                "SELECT count() AS spans, toUInt32(min(start_time)) AS first,"
                    + " toUInt32(max(start_time)) AS last FROM trace_index WHERE trace_id = "
                    + id)
            .getFirst();
    if (range.longValue("spans") == 0) {
      return Optional.empty();
    }
    List<SpanDetail> spans =
        store
            .query(
                "SELECT "
                    + SPAN_COLUMNS
                    + " FROM spans WHERE trace_id = "
                    + id
                    + " AND start_time >= toDateTime("
                    + range.longValue("first")
                    + ") AND start_time <= toDateTime("
                    + range.longValue("last")
                    + ") ORDER BY start_time_unix_nano, span_id")
            .stream()
            .map(ClickHouseTraceRepository::detail)
            .toList();
    return spans.isEmpty() ? Optional.empty() : Optional.of(spans);
  }

  private static TraceSummary summary(Row row) {
    return new TraceSummary(
        row.string("trace_id"),
        row.string("span_id"),
        row.string("span_name"),
        row.string("kind"),
        nanos(row.string("start_time_unix_nano")),
        row.longValue("duration_nanos"),
        row.string("status"));
  }

  private static SpanDetail detail(Row row) {
    return new SpanDetail(
        row.string("trace_id"),
        row.string("span_id"),
        row.string("parent_span_id"),
        row.string("service_name"),
        row.string("span_name"),
        row.string("kind"),
        nanos(row.string("start_time_unix_nano")),
        row.longValue("duration_nanos"),
        row.string("status"),
        row.string("status_message"),
        zip(row.strings("attribute_keys"), row.strings("attribute_values")),
        zip(row.strings("resource_keys"), row.strings("resource_values")));
  }

  /** UInt64 nanoseconds since the epoch (unsigned, fits a signed long until 2262). */
  private static Instant nanos(String unixNanos) {
    long value = Long.parseUnsignedLong(unixNanos);
    return Instant.ofEpochSecond(0, value);
  }

  private static Map<String, String> zip(List<String> keys, List<String> values) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
      map.put(keys.get(i), values.get(i));
    }
    return map;
  }
}
