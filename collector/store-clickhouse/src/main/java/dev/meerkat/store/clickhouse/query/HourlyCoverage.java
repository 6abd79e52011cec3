package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;

/**
 * From which hour on an hourly rollup holds every span: the hour after its earliest row. The hourly
 * views were added to databases that already held spans, and their first hour is partial when the
 * view was created mid-hour; hours before this one are read from the per-minute rollup. Found once
 * the table has rows, then kept (it only moves later, when retention drops days, and reading
 * minutes for dropped days finds nothing either way).
 */
final class HourlyCoverage {

  private final ClickHouseStore store;
  private final String table;
  private volatile long coveredFrom = Long.MAX_VALUE;

  HourlyCoverage(ClickHouseStore store, String table) {
    this.store = store;
    this.table = table;
  }

  /** Epoch second of the first complete hour, {@link Long#MAX_VALUE} while the table is empty. */
  long coveredFrom() {
    long known = coveredFrom;
    if (known != Long.MAX_VALUE) {
      return known;
    }
    Row row =
        store.query("SELECT count() AS n, toUInt32(min(hour)) AS first FROM " + table).getFirst();
    if (row.longValue("n") > 0) {
      coveredFrom = row.longValue("first") + RollupSql.HOUR;
    }
    return coveredFrom;
  }
}
