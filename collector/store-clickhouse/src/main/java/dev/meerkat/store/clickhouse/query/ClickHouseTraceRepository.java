package dev.meerkat.store.clickhouse.query;

import static dev.meerkat.store.clickhouse.query.SqlLiteral.dateTime;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.TraceOverview;
import dev.meerkat.store.query.TracePage;
import dev.meerkat.store.query.TraceQuery;
import dev.meerkat.store.query.TraceRepository;
import dev.meerkat.store.query.TraceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@link TraceRepository} over {@code spans}, {@code trace_index} and {@code spans_by_trace}. A
 * trace is read in three steps: its time range by id from the small {@code trace_index}, then its
 * spans from {@code spans_by_trace} (ordered by trace id) within that range, so only the days it
 * spans are touched and each part reads one or two granules, then their events and links from
 * {@code spans} by the operations and seconds just read ({@link SpanEventsAndLinks}). Searches
 * filter {@code spans} (ordered by service, operation and time) or, over all services, {@code
 * spans_by_time} (ordered by time), and then summarise the page's traces the same two-step way.
 */
public final class ClickHouseTraceRepository implements TraceRepository {

  private static final String SPAN_COLUMNS =
      "trace_id, span_id, parent_span_id, service_name, span_name, toString(span_kind) AS kind,"
          + " start_time_unix_nano, duration_nanos, toString(status_code) AS status,"
          + " status_message, attribute_keys, attribute_values, resource_keys, resource_values";

  /**
   * How far before and after a search window a result's spans are summarised. Without a bound the
   * trace ids are looked up in every day partition of {@code trace_index} (measured at 10 M spans
   * over 30 days: 240-650 ms for a page of 20 ids, against 9 ms within the window and a day either
   * side). Traces longer than this are summarised from the spans inside it.
   */
  static final Duration SUMMARY_MARGIN = Duration.ofDays(1);

  private final ClickHouseStore store;
  private final SpanEventsAndLinks eventsAndLinks;
  private final CopyCoverage byTimeCoverage;

  public ClickHouseTraceRepository(ClickHouseStore store) {
    this.store = store;
    this.eventsAndLinks = new SpanEventsAndLinks(store);
    this.byTimeCoverage = CopyCoverage.spansByTime(store);
  }

  @Override
  public List<TraceSummary> recentTraces(
      String service, Instant from, Instant to, int offset, int limit) {
    store.limits().checkRange(from, to);
    if (offset < 0 || limit < 0) {
      throw new IllegalArgumentException("offset and limit must be >= 0");
    }
    return requests(
        service, from, to, "start_time_unix_nano DESC, span_id LIMIT " + offset + ", " + limit);
  }

  @Override
  public List<TraceSummary> slowestRequests(String service, Instant from, Instant to, int limit) {
    store.limits().checkRange(from, to);
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0: " + limit);
    }
    return requests(service, from, to, "duration_nanos DESC, trace_id, span_id LIMIT " + limit);
  }

  /** Root or SERVER/CONSUMER spans of {@code service} starting in [from, to), in that order. */
  private List<TraceSummary> requests(String service, Instant from, Instant to, String orderBy) {
    return store
        .query(
            "SELECT trace_id, span_id, span_name, toString(span_kind) AS kind,"
                + " start_time_unix_nano, duration_nanos, toString(status_code) AS status"
                + " FROM spans WHERE service_name = "
                + SqlLiteral.string(service)
                + " AND start_time >= "
                + dateTime(from)
                + " AND start_time < "
                + dateTime(to)
                + " AND (parent_span_id = '' OR span_kind IN ('SERVER', 'CONSUMER'))"
                + " ORDER BY "
                + orderBy)
        .stream()
        .map(ClickHouseTraceRepository::summary)
        .toList();
  }

  @Override
  public Optional<List<SpanDetail>> trace(String traceId) {
    String id = SqlLiteral.string(traceId);
    Optional<String> range = timeRange("trace_id = " + id);
    if (range.isEmpty()) {
      return Optional.empty();
    }
    List<SpanDetail> spans = spans("spans_by_trace", id, range.get());
    if (spans.isEmpty()) {
      // Spans stored before spans_by_trace existed (V0018) are only in spans.
      spans = spans("spans", id, range.get());
    }
    return spans.isEmpty()
        ? Optional.empty()
        : Optional.of(eventsAndLinks.addTo(spans, id, range.get()));
  }

  private List<SpanDetail> spans(String table, String id, String range) {
    return store
        .query(
            "SELECT "
                + SPAN_COLUMNS
                + " FROM "
                + table
                + " WHERE trace_id = "
                + id
                + " AND "
                + range
                + " ORDER BY start_time_unix_nano, span_id")
        .stream()
        .map(ClickHouseTraceRepository::detail)
        .toList();
  }

  /**
   * {@inheritDoc}
   *
   * <p>Three reads: the page of matching trace ids from {@code spans} (grouped by trace, a service
   * filter uses the primary key) or, over all services, from {@code spans_by_time}, their time
   * range from {@code trace_index} and their summaries from {@code spans_by_trace}, both within
   * {@link #SUMMARY_MARGIN} of the window.
   */
  @Override
  public TracePage search(TraceQuery query) {
    store.limits().checkRange(query.from(), query.to());
    List<Row> matches =
        store.read(
            "SELECT trace_id, min(start_time_unix_nano) AS first_start FROM "
                + searchTable(query)
                + " WHERE "
                + TraceSearchSql.spanFilter(query)
                + " GROUP BY trace_id"
                + TraceSearchSql.after(query.cursor().map(PageCursor::decode))
                + " ORDER BY first_start DESC, trace_id LIMIT "
                + (query.limit() + 1));
    boolean more = matches.size() > query.limit();
    List<Row> page = more ? matches.subList(0, query.limit()) : matches;
    if (page.isEmpty()) {
      return new TracePage(List.of(), Optional.empty());
    }
    Map<String, TraceOverview> overviews =
        overviews(
            page.stream().map(row -> row.string("trace_id")).toList(),
            "start_time >= "
                + dateTime(query.from().minus(SUMMARY_MARGIN))
                + " AND start_time <= "
                + dateTime(query.to().plus(SUMMARY_MARGIN)));
    List<TraceOverview> traces =
        page.stream()
            .map(row -> overviews.get(row.string("trace_id")))
            .filter(overview -> overview != null)
            .toList();
    Row last = page.getLast();
    Optional<String> next =
        more
            ? Optional.of(
                new PageCursor(
                        Long.parseUnsignedLong(last.string("first_start")), last.string("trace_id"))
                    .encode())
            : Optional.empty();
    return new TracePage(traces, next);
  }

  /**
   * {@code spans_by_time} (ordered by time) for a search over all services without attribute
   * filters whose window it covers; else {@code spans}, whose primary key starts with the service.
   * Databases that held spans before it (V0027) have older spans in {@code spans} only ({@link
   * CopyCoverage}).
   */
  private String searchTable(TraceQuery query) {
    boolean narrowColumnsSuffice = query.service().isEmpty() && query.attributes().isEmpty();
    if (narrowColumnsSuffice && query.from().getEpochSecond() >= byTimeCoverage.coveredFrom()) {
      return "spans_by_time";
    }
    return "spans";
  }

  /** Summaries of {@code traceIds} from their spans that meet {@code bound} (on start_time). */
  private Map<String, TraceOverview> overviews(List<String> traceIds, String bound) {
    Map<String, TraceOverview> found =
        new LinkedHashMap<>(overviews("spans_by_trace", traceIds, bound));
    List<String> missing = traceIds.stream().filter(id -> !found.containsKey(id)).toList();
    if (!missing.isEmpty()) {
      // Spans stored before spans_by_trace existed (V0018) are only in spans.
      found.putAll(overviews("spans", missing, bound));
    }
    return found;
  }

  private Map<String, TraceOverview> overviews(String table, List<String> traceIds, String bound) {
    String ids =
        traceIds.stream()
            .map(SqlLiteral::string)
            .collect(Collectors.joining(", ", "trace_id IN (", ")"));
    Optional<String> range = timeRange(ids + " AND " + bound);
    if (range.isEmpty()) {
      return Map.of();
    }
    // The root is the span without a parent; a trace whose root is missing shows its earliest.
    String rootOrder = "if(parent_span_id = '', toUInt64(0), start_time_unix_nano)";
    Map<String, TraceOverview> overviews = new LinkedHashMap<>();
    for (Row row :
        store.read(
            "SELECT trace_id, count() AS spans, min(start_time_unix_nano) AS first_start,"
                + " max(start_time_unix_nano + duration_nanos) AS last_end,"
                + " max(status_code = 'ERROR') AS error,"
                + " argMin(service_name, "
                + rootOrder
                + ") AS root_service, argMin(span_name, "
                + rootOrder
                + ") AS root_operation FROM "
                + table
                + " WHERE "
                + ids
                + " AND "
                + range.get()
                + " GROUP BY trace_id")) {
      long first = Long.parseUnsignedLong(row.string("first_start"));
      long last = Long.parseUnsignedLong(row.string("last_end"));
      overviews.put(
          row.string("trace_id"),
          new TraceOverview(
              row.string("trace_id"),
              row.string("root_service"),
              row.string("root_operation"),
              Instant.ofEpochSecond(0, first),
              last - first,
              row.longValue("spans"),
              row.longValue("error") == 1));
    }
    return overviews;
  }

  /**
   * {@code start_time} bounds covering every span of the traces selected by {@code condition} (on
   * {@code trace_id}), from {@code trace_index}; empty when none of them is known.
   */
  private Optional<String> timeRange(String condition) {
    Row range =
        store
            .query(
                "SELECT count() AS spans, toUInt32(min(start_time)) AS first_second,"
                    + " toUInt32(max(start_time)) AS last_second FROM trace_index WHERE "
                    + condition)
            .getFirst();
    if (range.longValue("spans") == 0) {
      return Optional.empty();
    }
    return Optional.of(
        "start_time >= toDateTime("
            + range.longValue("first_second")
            + ") AND start_time <= toDateTime("
            + range.longValue("last_second")
            + ")");
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
        Attributes.zip(row.strings("attribute_keys"), row.strings("attribute_values")),
        Attributes.zip(row.strings("resource_keys"), row.strings("resource_values")));
  }

  /** UInt64 nanoseconds since the epoch (unsigned, fits a signed long until 2262). */
  static Instant nanos(String unixNanos) {
    long value = Long.parseUnsignedLong(unixNanos);
    return Instant.ofEpochSecond(0, value);
  }
}
