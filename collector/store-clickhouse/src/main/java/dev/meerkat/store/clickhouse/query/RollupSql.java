package dev.meerkat.store.clickhouse.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL shared by the rollup queries, and the rule that picks the resolution: the whole days of a
 * range are read from the daily rollup, the whole hours around them from the hourly one, the
 * minutes before the first and after the last whole hour from the per-minute one. The union holds
 * exactly the rows of the minutes starting in the range, so results equal a pure per-minute read
 * while a 30-day range reads about 30 day rows per key (plus at most 46 hours and 118 minutes)
 * instead of 43,200 minute rows.
 */
final class RollupSql {

  /** Span kinds that are requests a service handles; the only ones RED and SLIs count. */
  static final String IS_REQUEST = "span_kind IN ('SERVER', 'CONSUMER')";

  static final long MINUTE = 60;
  static final long HOUR = 3600;
  static final long DAY = 86_400;

  /** For a coverage start: read no rows of that resolution. */
  static final long NEVER = Long.MAX_VALUE;

  private RollupSql() {}

  /** One resolution of a rollup family: its table and time column. */
  record Resolution(String table, String column, long seconds) {}

  /** The RED rollups. */
  static final List<Resolution> RED =
      List.of(
          new Resolution("span_red_1m", "minute", MINUTE),
          new Resolution("span_red_1h", "hour", HOUR),
          new Resolution("span_red_1d", "day", DAY));

  /** The service-graph rollups (no daily one). */
  static final List<Resolution> GRAPH =
      List.of(
          new Resolution("service_graph_1m", "minute", MINUTE),
          new Resolution("service_graph_1h", "hour", HOUR));

  /** The step of a series in seconds; refused unless whole minutes, at least one. */
  static long stepSeconds(Duration step) {
    long seconds = step.toSeconds();
    if (seconds < 60 || seconds % 60 != 0 || step.getNano() != 0) {
      throw new IllegalArgumentException("step must be whole minutes, at least one: " + step);
    }
    return seconds;
  }

  /** {@code minute >= toDateTime(from) AND minute < toDateTime(to)}: minutes starting in range. */
  static String minutesIn(Instant from, Instant to) {
    return "minute >= " + dateTime(from) + " AND minute < " + dateTime(to);
  }

  /** A DateTime literal from epoch seconds, independent of the server's time zone. */
  static String dateTime(Instant instant) {
    return SqlLiteral.dateTime(instant);
  }

  static double seconds(Instant from, Instant to) {
    return Math.max(1, to.getEpochSecond() - from.getEpochSecond());
  }

  /**
   * A parenthesised subquery of the RED rollup rows of the minutes starting in [from, to) that
   * satisfy {@code where} (a condition on the rollup key columns), with column {@code t} (UInt32
   * epoch seconds of the row's minute, hour or day) and then {@code columns} (rollup columns or
   * expressions; name only those needed: 18.16 reads every column a UNION ALL branch names). {@code
   * coveredFrom} gives, per resolution of {@link #RED}, the first period start from which that
   * rollup may be read ({@link #NEVER}: not at all).
   */
  static String redRows(
      String columns, String where, Instant from, Instant to, long[] coveredFrom) {
    return "("
        + String.join(" UNION ALL ", redSelects(columns, where, from, to, coveredFrom))
        + ")";
  }

  /** The SELECTs of {@link #redRows}, to be joined with UNION ALL by the caller. */
  static List<String> redSelects(
      String columns, String where, Instant from, Instant to, long[] coveredFrom) {
    List<String> selects = new ArrayList<>();
    for (Segment segment : segments(RED, from, to, coveredFrom)) {
      Resolution resolution = segment.resolution();
      selects.add(
          "SELECT toUInt32("
              + resolution.column()
              + ") AS t, "
              + columns
              + " FROM "
              + resolution.table()
              + " WHERE ("
              + where
              + ") AND "
              + segment.condition());
    }
    return selects;
  }

  /**
   * The parts of [from, to) to read from each resolution, coarsest possible: whole periods of the
   * coarser rollup where it is covered ({@code coveredFrom[i]}, a period start or {@link #NEVER}),
   * the finer one for the rest. Ordered by time; one finest part when nothing coarser fits.
   */
  static List<Segment> segments(
      List<Resolution> resolutions, Instant from, Instant to, long[] coveredFrom) {
    List<Segment> segments = new ArrayList<>();
    split(resolutions, coveredFrom, 0, from.getEpochSecond(), to.getEpochSecond(), segments);
    return segments;
  }

  private static void split(
      List<Resolution> resolutions,
      long[] coveredFrom,
      int level,
      long start,
      long end,
      List<Segment> out) {
    Resolution here = resolutions.get(level);
    if (level + 1 == resolutions.size() || coveredFrom[level + 1] == NEVER) {
      out.add(new Segment(here, start, end));
      return;
    }
    long period = resolutions.get(level + 1).seconds();
    long first = Math.max(Math.ceilDiv(start, period) * period, coveredFrom[level + 1]);
    long last = Math.floorDiv(end, period) * period;
    if (first >= last) {
      out.add(new Segment(here, start, end));
      return;
    }
    if (start < first) {
      out.add(new Segment(here, start, first));
    }
    split(resolutions, coveredFrom, level + 1, first, last, out);
    if (last < end) {
      out.add(new Segment(here, last, end));
    }
  }

  /** Rows of one rollup whose period starts in [start, end) (epoch seconds). */
  record Segment(Resolution resolution, long start, long end) {

    /** {@code column >= start AND column < end}. */
    String condition() {
      String column = resolution.column();
      return column + " >= toDateTime(" + start + ") AND " + column + " < toDateTime(" + end + ")";
    }
  }
}
