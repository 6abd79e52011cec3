package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;

/**
 * From which second on a table that a view copies from {@code spans} (all spans, or the ones
 * matching a filter) holds every such span. A database created with the view (the copy's earliest
 * row is as early as the earliest such span) is covered from the start; one that held spans before
 * the view's migration is covered from the second after the copy's earliest row (the view may have
 * been created inside that second). Found once the copy has rows, then kept: it only moves later
 * when retention drops days, and reading spans for dropped days finds nothing either way.
 */
final class CopyCoverage {

  private static final long NOT_YET = Long.MAX_VALUE;

  private final ClickHouseStore store;
  private final String copy;
  private final String filter;
  private long coveredFrom = NOT_YET;

  private CopyCoverage(ClickHouseStore store, String copy, String filter) {
    this.store = store;
    this.copy = copy;
    this.filter = filter;
  }

  /** {@code spans_by_time} (V0027): every span, ordered by time. */
  static CopyCoverage spansByTime(ClickHouseStore store) {
    return new CopyCoverage(store, "spans_by_time", "1");
  }

  /** {@code span_errors} (V0028): the failed requests. */
  static CopyCoverage spanErrors(ClickHouseStore store) {
    return new CopyCoverage(
        store, "span_errors", RollupSql.IS_REQUEST + " AND status_code = 'ERROR'");
  }

  /** Epoch second from which the copy may be read instead of {@code spans}. */
  synchronized long coveredFrom() {
    if (coveredFrom == NOT_YET) {
      Row copied =
          store
              .query(
                  "SELECT count() AS rows, toUInt32(min(start_time)) AS first_copied FROM " + copy)
              .getFirst();
      if (copied.longValue("rows") > 0) {
        long firstCopied = copied.longValue("first_copied");
        // Only the days up to the copy's first row: is anything older in spans?
        long firstStored =
            store
                .query(
                    "SELECT toUInt32(min(start_time)) AS first_stored FROM spans WHERE start_time"
                        + " <= toDateTime("
                        + firstCopied
                        + ") AND "
                        + filter)
                .getFirst()
                .longValue("first_stored");
        coveredFrom = firstCopied <= firstStored ? 0 : firstCopied + 1;
      }
    }
    return coveredFrom;
  }
}
