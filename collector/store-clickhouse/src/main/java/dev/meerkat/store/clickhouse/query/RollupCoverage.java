package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import java.util.Arrays;
import java.util.List;

/**
 * From which period on each coarser rollup of a family holds every span: the period after its
 * earliest row. The hourly and daily views were added to databases that already held spans, and
 * their first period is partial when the view was created inside it; earlier periods are read from
 * the finer rollups. Found once a table has rows, then kept (it only moves later, when retention
 * drops days, and reading finer rows for dropped days finds nothing either way).
 */
final class RollupCoverage {

  private final ClickHouseStore store;
  private final List<RollupSql.Resolution> resolutions;
  private final long[] coveredFrom;

  RollupCoverage(ClickHouseStore store, List<RollupSql.Resolution> resolutions) {
    this.store = store;
    this.resolutions = resolutions;
    this.coveredFrom = new long[resolutions.size()];
    Arrays.fill(coveredFrom, RollupSql.NEVER);
    coveredFrom[0] = 0;
  }

  /**
   * Per resolution, the epoch second of its first complete period ({@link RollupSql#NEVER} while
   * its table is empty); the finest is always 0.
   */
  synchronized long[] coveredFrom() {
    for (int i = 1; i < resolutions.size(); i++) {
      if (coveredFrom[i] == RollupSql.NEVER) {
        RollupSql.Resolution resolution = resolutions.get(i);
        Row row =
            store
                .query(
                    "SELECT count() AS n, toUInt32(min("
                        + resolution.column()
                        + ")) AS first FROM "
                        + resolution.table())
                .getFirst();
        if (row.longValue("n") > 0) {
          coveredFrom[i] = row.longValue("first") + resolution.seconds();
        }
      }
    }
    return coveredFrom.clone();
  }

  /**
   * {@link #coveredFrom()} for a series with steps of {@code stepSeconds}, aligned to multiples of
   * the step: only resolutions whose period divides the step, so each row falls in one step.
   */
  long[] coveredFromForStep(long stepSeconds) {
    long[] covered = coveredFrom();
    for (int i = 1; i < covered.length; i++) {
      if (stepSeconds % resolutions.get(i).seconds() != 0) {
        covered[i] = RollupSql.NEVER;
      }
    }
    return covered;
  }
}
