package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.log.LogEntry;
import dev.meerkat.store.query.log.LogPage;
import dev.meerkat.store.query.log.LogQuery;
import dev.meerkat.store.query.log.LogRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link LogRepository} over the {@code logs} table. A record's time is its event time, or its
 * observed time when the source sent none (OTLP allows either to be 0). Pages are ordered by that
 * time, newest first, then by service, trace, span and body, so records with the same time have a
 * fixed order; the cursor holds the last time and how many records with it were returned.
 */
public final class ClickHouseLogRepository implements LogRepository {

  private static final String TIME =
      "if(time_unix_nano = 0, observed_time_unix_nano, time_unix_nano)";
  private static final String COLUMNS =
      TIME
          + " AS t, observed_time_unix_nano, severity_number, severity_text, body, trace_id,"
          + " span_id, service_name, attribute_keys, attribute_values, resource_keys,"
          + " resource_values, scope_name";
  private static final String ORDER = " ORDER BY t DESC, service_name, trace_id, span_id, body";

  private final ClickHouseStore store;

  public ClickHouseLogRepository(ClickHouseStore store) {
    this.store = store;
  }

  @Override
  public LogPage search(LogQuery query) {
    store.limits().checkRange(query.from(), query.to());
    List<String> conditions = window(query.from(), query.to());
    query.service().ifPresent(s -> conditions.add("service_name = " + SqlLiteral.string(s)));
    query.minSeverity().ifPresent(s -> conditions.add("severity_number >= " + (int) s));
    query.text().ifPresent(s -> conditions.add("position(body, " + SqlLiteral.string(s) + ") > 0"));
    query.traceId().ifPresent(s -> conditions.add("trace_id = " + SqlLiteral.string(s)));
    Optional<PageCursor> cursor = query.cursor().map(PageCursor::decode);
    long skip = 0;
    if (cursor.isPresent()) {
      conditions.add(TIME + " <= " + SqlLiteral.uint64(cursor.get().nanos()));
      skip = skipped(cursor.get());
    }
    List<Row> rows =
        store.read(
            "SELECT "
                + COLUMNS
                + " FROM logs WHERE "
                + String.join(" AND ", conditions)
                + ORDER
                + " LIMIT "
                + skip
                + ", "
                + (query.limit() + 1));
    boolean more = rows.size() > query.limit();
    List<LogEntry> logs = new ArrayList<>();
    for (Row row : more ? rows.subList(0, query.limit()) : rows) {
      logs.add(entry(row));
    }
    if (!more) {
      return new LogPage(logs, Optional.empty());
    }
    long lastTime = SqlLiteral.epochNanos(logs.getLast().time());
    long atLastTime =
        logs.stream().filter(log -> SqlLiteral.epochNanos(log.time()) == lastTime).count();
    if (cursor.isPresent() && cursor.get().nanos() == lastTime) {
      atLastTime += skip;
    }
    return new LogPage(
        logs, Optional.of(new PageCursor(lastTime, Long.toString(atLastTime)).encode()));
  }

  @Override
  public List<LogEntry> traceLogs(String traceId, Instant from, Instant to) {
    store.limits().checkRange(from, to);
    List<String> conditions = window(from, to);
    conditions.add("trace_id = " + SqlLiteral.string(traceId));
    return store
        .query(
            "SELECT "
                + COLUMNS
                + " FROM logs WHERE "
                + String.join(" AND ", conditions)
                + " ORDER BY t, service_name, span_id, body")
        .stream()
        .map(ClickHouseLogRepository::entry)
        .toList();
  }

  private static List<String> window(Instant from, Instant to) {
    List<String> conditions = new ArrayList<>();
    conditions.add("timestamp >= " + SqlLiteral.dateTime(from));
    conditions.add("timestamp <= " + SqlLiteral.dateTime(to));
    conditions.add(TIME + " >= " + SqlLiteral.uint64(SqlLiteral.epochNanos(from)));
    conditions.add(TIME + " < " + SqlLiteral.uint64(SqlLiteral.epochNanos(to)));
    return conditions;
  }

  private static long skipped(PageCursor cursor) {
    try {
      long skip = Long.parseLong(cursor.tieBreaker());
      if (skip < 0) {
        throw new IllegalArgumentException("not a log page cursor");
      }
      return skip;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a log page cursor", e);
    }
  }

  private static LogEntry entry(Row row) {
    return new LogEntry(
        ClickHouseTraceRepository.nanos(row.string("t")),
        ClickHouseTraceRepository.nanos(row.string("observed_time_unix_nano")),
        (int) row.longValue("severity_number"),
        row.string("severity_text"),
        row.string("body"),
        row.string("trace_id"),
        row.string("span_id"),
        row.string("service_name"),
        Attributes.zip(row.strings("attribute_keys"), row.strings("attribute_values")),
        Attributes.zip(row.strings("resource_keys"), row.strings("resource_values")),
        row.string("scope_name"));
  }
}
