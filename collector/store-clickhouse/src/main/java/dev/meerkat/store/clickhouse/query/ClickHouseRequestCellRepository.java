package dev.meerkat.store.clickhouse.query;

import static dev.meerkat.store.clickhouse.query.RollupSql.IS_REQUEST;
import static dev.meerkat.store.clickhouse.query.RollupSql.redRows;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.RequestCell;
import dev.meerkat.store.query.RequestCellRepository;
import java.time.Instant;
import java.util.List;

/**
 * {@link RequestCellRepository} over the RED rollups: whole days from {@code span_red_1d}, whole
 * hours from {@code span_red_1h}, the minutes at the edges from {@code span_red_1m} (see {@link
 * RollupSql#segments}). An SLO's 30-day period then reads ~30 rows per cell instead of 43,200 (with
 * 10 million spans stored: ~780,000 minute rows of one service, ~80 ms a read, and an SLO reads its
 * period and seven burn windows).
 */
public final class ClickHouseRequestCellRepository implements RequestCellRepository {

  private final ClickHouseStore store;
  private final RollupCoverage coverage;

  public ClickHouseRequestCellRepository(ClickHouseStore store) {
    this.store = store;
    this.coverage = new RollupCoverage(store, RollupSql.RED);
  }

  @Override
  public List<RequestCell> requestCells(String service, Instant from, Instant to) {
    store.limits().checkRange(from, to);
    // sum() over GROUP BY: SummingMergeTree merges rows in the background, never on read.
    List<Row> rows =
        store.read(
            "SELECT span_name, is_error, latency_bucket, sum(span_count) AS requests FROM "
                + redRows(
                    "span_name, is_error, latency_bucket, span_count",
                    "service_name = " + ClickHouseStore.quote(service) + " AND " + IS_REQUEST,
                    from,
                    to,
                    coverage.coveredFrom())
                + " GROUP BY span_name, is_error, latency_bucket"
                + " ORDER BY span_name, is_error, latency_bucket");
    return rows.stream()
        .map(
            row ->
                new RequestCell(
                    row.string("span_name"),
                    row.longValue("is_error") == 1,
                    (int) row.longValue("latency_bucket"),
                    row.doubleValue("requests")))
        .toList();
  }
}
