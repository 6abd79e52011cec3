package dev.meerkat.store.clickhouse.query;

import static dev.meerkat.store.clickhouse.query.RollupSql.IS_REQUEST;
import static dev.meerkat.store.clickhouse.query.RollupSql.dateTime;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.ErrorCause;
import dev.meerkat.store.query.ErrorCauseRepository;
import dev.meerkat.store.query.ErrorGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@link ErrorCauseRepository} over {@code span_errors} (V0028): the failed requests only, with
 * their error type and error group (type, message) picked by its view, so 30 days of a service read
 * a few thousand narrow rows instead of every span with its attribute and event arrays. A database
 * that held spans before the view has the older failures in {@code spans} only: before {@link
 * CopyCoverage} they are read there, with the view's expressions, and both parts are grouped
 * together. Example traces are the smallest trace ids of the group, so the same data always gives
 * the same examples.
 */
public final class ClickHouseErrorCauseRepository implements ErrorCauseRepository {

  private static final String EXCEPTION_INDEX = "indexOf(event_names, 'exception')";
  private static final String EXCEPTION_TYPE =
      "arrayElement(arrayElement(event_attribute_values, "
          + EXCEPTION_INDEX
          + "), indexOf(arrayElement(event_attribute_keys, "
          + EXCEPTION_INDEX
          + "), 'exception.type'))";

  private static final String EXCEPTION_MESSAGE =
      "arrayElement(arrayElement(event_attribute_values, "
          + EXCEPTION_INDEX
          + "), indexOf(arrayElement(event_attribute_keys, "
          + EXCEPTION_INDEX
          + "), 'exception.message'))";

  /** Semconv's {@code error.type} span attribute, e.g. {@code 502} for an HTTP server span. */
  private static final String ERROR_TYPE_ATTRIBUTE =
      "arrayElement(attribute_values, indexOf(attribute_keys, 'error.type'))";

  /** As {@code span_errors_mv} picks it. */
  private static final String ERROR_TYPE =
      "multiIf(status_message != '', status_message, "
          + EXCEPTION_TYPE
          + " != '', "
          + EXCEPTION_TYPE
          + ", "
          + ERROR_TYPE_ATTRIBUTE
          + ")";

  /** As {@code span_errors_mv} picks {@code group_type}: what {@link ErrorGroup#type} shows. */
  private static final String GROUP_TYPE =
      "multiIf(" + EXCEPTION_TYPE + " != '', " + EXCEPTION_TYPE + ", " + ERROR_TYPE_ATTRIBUTE + ")";

  /** As {@code span_errors_mv} picks {@code group_message}. */
  private static final String GROUP_MESSAGE =
      "multiIf(" + EXCEPTION_MESSAGE + " != '', " + EXCEPTION_MESSAGE + ", status_message)";

  // ClickHouse 18.16 has no groupUniqArray(N): the first N ids, sorted.
  private static final String EXAMPLE_TRACES =
      "arraySlice(arraySort(groupUniqArray(trace_id)), 1, " + EXAMPLES + ") AS traces";

  private final ClickHouseStore store;
  private final CopyCoverage coverage;

  public ClickHouseErrorCauseRepository(ClickHouseStore store) {
    this.store = store;
    this.coverage = CopyCoverage.spanErrors(store);
  }

  @Override
  public List<ErrorCause> errorCauses(
      String service, List<String> operations, Instant from, Instant to, int limit) {
    store.limits().checkRange(from, to);
    String where =
        "service_name = "
            + ClickHouseStore.quote(service)
            + (operations.isEmpty()
                ? ""
                : " AND span_name IN ("
                    + operations.stream()
                        .map(ClickHouseStore::quote)
                        .collect(Collectors.joining(", "))
                    + ")");
    List<Row> rows =
        store.read(
            "SELECT span_name, error_type, sum(sample_rate) AS requests, "
                + EXAMPLE_TRACES
                + " FROM ("
                + failures(
                    where,
                    from,
                    to,
                    "span_name, " + ERROR_TYPE + " AS error_type",
                    "span_name, error_type")
                + ") GROUP BY span_name, error_type"
                + " ORDER BY requests DESC, span_name, error_type LIMIT "
                + Math.max(0, limit));
    return rows.stream()
        .map(
            row ->
                new ErrorCause(
                    row.string("span_name"),
                    row.string("error_type"),
                    row.doubleValue("requests"),
                    row.strings("traces")))
        .toList();
  }

  @Override
  public List<ErrorGroup> topErrors(String service, Instant from, Instant to, int limit) {
    store.limits().checkRange(from, to);
    List<Row> rows =
        store.read(
            "SELECT type, message, sum(sample_rate) AS requests, "
                + EXAMPLE_TRACES
                + " FROM ("
                + failures(
                    "service_name = " + ClickHouseStore.quote(service),
                    from,
                    to,
                    GROUP_TYPE + " AS type, " + GROUP_MESSAGE + " AS message",
                    "group_type AS type, group_message AS message")
                + ") GROUP BY type, message ORDER BY requests DESC, type, message LIMIT "
                + Math.max(0, limit));
    return rows.stream()
        .map(
            row ->
                new ErrorGroup(
                    row.string("type"),
                    row.string("message"),
                    row.doubleValue("requests"),
                    row.strings("traces")))
        .toList();
  }

  /**
   * The failed requests matching {@code where} in [from, to), each once with the given columns plus
   * {@code sample_rate} and {@code trace_id}: from {@code spans} before {@link CopyCoverage}, with
   * the view's expressions ({@code fromSpans}), and from {@code span_errors} after it ({@code
   * fromTable}), as one UNION ALL to be grouped by the caller.
   */
  private String failures(
      String where, Instant from, Instant to, String fromSpans, String fromTable) {
    Instant covered = Instant.ofEpochSecond(Math.min(coverage.coveredFrom(), to.getEpochSecond()));
    List<String> parts = new ArrayList<>();
    if (from.isBefore(covered)) {
      parts.add(
          "SELECT "
              + fromSpans
              + ", sample_rate, trace_id FROM spans WHERE "
              + where
              + " AND "
              + IS_REQUEST
              + " AND status_code = 'ERROR'"
              + during(from, covered));
    }
    if (covered.isBefore(to) || parts.isEmpty()) {
      parts.add(
          "SELECT "
              + fromTable
              + ", sample_rate, trace_id FROM span_errors WHERE "
              + where
              + during(from.isAfter(covered) ? from : covered, to));
    }
    return String.join(" UNION ALL ", parts);
  }

  private static String during(Instant from, Instant to) {
    return " AND start_time >= " + dateTime(from) + " AND start_time < " + dateTime(to);
  }
}
