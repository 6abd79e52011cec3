package dev.meerkat.store.clickhouse.query;

import java.time.Instant;

/** SQL fragments shared by the rollup queries. */
final class RollupSql {

  /** Span kinds that are requests a service handles; the only ones RED and SLIs count. */
  static final String IS_REQUEST = "span_kind IN ('SERVER', 'CONSUMER')";

  private RollupSql() {}

  /** {@code minute >= toDateTime(from) AND minute < toDateTime(to)}: minutes starting in range. */
  static String minutesIn(Instant from, Instant to) {
    return "minute >= " + dateTime(from) + " AND minute < " + dateTime(to);
  }

  /** A DateTime literal from epoch seconds, independent of the server's time zone. */
  static String dateTime(Instant instant) {
    return "toDateTime(" + instant.getEpochSecond() + ")";
  }

  static double seconds(Instant from, Instant to) {
    return Math.max(1, to.getEpochSecond() - from.getEpochSecond());
  }
}
