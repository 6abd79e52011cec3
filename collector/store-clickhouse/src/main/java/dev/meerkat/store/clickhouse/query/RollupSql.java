package dev.meerkat.store.clickhouse.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SQL shared by the RED rollup queries, and the rule that picks the resolution: the whole hours of
 * a range are read from {@code span_red_1h}, the minutes before the first and after the last whole
 * hour from {@code span_red_1m}. The union holds exactly the rows of the minutes starting in the
 * range, so results equal a pure per-minute read while a 30-day range reads about 720 hour rows per
 * key instead of 43,200 minute rows.
 */
final class RollupSql {

  /** Span kinds that are requests a service handles; the only ones RED and SLIs count. */
  static final String IS_REQUEST = "span_kind IN ('SERVER', 'CONSUMER')";

  static final long HOUR = 3600;

  /** For {@code hoursFrom}: read no hour rows. */
  static final long NO_HOURS = Long.MAX_VALUE;

  /** Columns of {@link #redRows}: the row's minute or hour as epoch seconds, and the rollup key. */
  static final String RED_COLUMNS =
      "service_name, span_name, span_kind, is_error, latency_bucket, span_count";

  private RollupSql() {}

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
   * satisfy {@code where} (a condition on the rollup key columns), with columns {@code t} (UInt32
   * epoch seconds of the row's minute or hour) and {@link #RED_COLUMNS}. Hour rows are read only
   * from {@code hoursFrom} (epoch seconds) on: {@link HourlyCoverage}, or {@link #NO_HOURS} for
   * minutes only (steps that do not hold whole hours).
   */
  static String redRows(String where, Instant from, Instant to, long hoursFrom) {
    return "(" + String.join(" UNION ALL ", redSelects(where, from, to, hoursFrom, "")) + ")";
  }

  /**
   * The SELECTs of {@link #redRows}, each with {@code extraColumns} (e.g. {@code "1 AS w, "})
   * before the key columns, to be joined with UNION ALL by the caller.
   */
  static List<String> redSelects(
      String where, Instant from, Instant to, long hoursFrom, String extraColumns) {
    List<String> selects = new ArrayList<>(3);
    for (Segment segment : segments(from, to, hoursFrom)) {
      String time = segment.hourly() ? "hour" : "minute";
      selects.add(
          "SELECT "
              + extraColumns
              + "toUInt32("
              + time
              + ") AS t, "
              + RED_COLUMNS
              + " FROM "
              + (segment.hourly() ? "span_red_1h" : "span_red_1m")
              + " WHERE ("
              + where
              + ") AND "
              + segment.condition(time));
    }
    return selects;
  }

  /**
   * The parts of [from, to) to read from the hourly rollup (its whole hours from {@code hoursFrom}
   * on, an hour start or {@link #NO_HOURS}) and from the per-minute one (the rest), in time order;
   * one per-minute part when the range holds no such hour.
   */
  static List<Segment> segments(Instant from, Instant to, long hoursFrom) {
    long start = from.getEpochSecond();
    long end = to.getEpochSecond();
    long firstHour = Math.max(Math.ceilDiv(start, HOUR) * HOUR, hoursFrom);
    long lastHourEnd = Math.floorDiv(end, HOUR) * HOUR;
    List<Segment> segments = new ArrayList<>(3);
    if (firstHour >= lastHourEnd) {
      segments.add(new Segment(false, start, end));
      return segments;
    }
    if (start < firstHour) {
      segments.add(new Segment(false, start, firstHour));
    }
    segments.add(new Segment(true, firstHour, lastHourEnd));
    if (lastHourEnd < end) {
      segments.add(new Segment(false, lastHourEnd, end));
    }
    return segments;
  }

  /** Rows of one rollup whose minute or hour starts in [start, end) (epoch seconds). */
  record Segment(boolean hourly, long start, long end) {

    /** {@code column >= start AND column < end}. */
    String condition(String column) {
      return column + " >= toDateTime(" + start + ") AND " + column + " < toDateTime(" + end + ")";
    }
  }
}
