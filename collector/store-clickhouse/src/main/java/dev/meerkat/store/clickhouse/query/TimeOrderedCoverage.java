package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;

/**
 * From which second on {@code spans_by_time} holds every span of {@code spans}. A database created
 * with it (its earliest row is as early as the earliest span) is covered from the start; one that
 * held spans before V0027 is covered from the second after its earliest row (the view may have been
 * created inside that second). Found once the table has rows, then kept: it only moves later when
 * retention drops days, and searching spans for dropped days finds nothing either way.
 */
final class TimeOrderedCoverage {

  private static final long NOT_YET = Long.MAX_VALUE;

  private final ClickHouseStore store;
  private long coveredFrom = NOT_YET;

  TimeOrderedCoverage(ClickHouseStore store) {
    this.store = store;
  }

  /** Epoch second from which {@code spans_by_time} may be searched instead of {@code spans}. */
  synchronized long coveredFrom() {
    if (coveredFrom == NOT_YET) {
      Row row =
          store
              .query(
                  "SELECT (SELECT count() FROM spans_by_time) AS rows,"
                      + " (SELECT toUInt32(min(start_time)) FROM spans_by_time) AS first_copied,"
                      + " (SELECT toUInt32(min(start_time)) FROM spans) AS first_stored")
              .getFirst();
      if (row.longValue("rows") > 0) {
        long firstCopied = row.longValue("first_copied");
        coveredFrom = firstCopied <= row.longValue("first_stored") ? 0 : firstCopied + 1;
      }
    }
    return coveredFrom;
  }
}
