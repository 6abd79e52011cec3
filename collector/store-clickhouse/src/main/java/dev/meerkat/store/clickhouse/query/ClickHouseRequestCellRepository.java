package dev.meerkat.store.clickhouse.query;

import static dev.meerkat.store.clickhouse.query.RollupSql.IS_REQUEST;
import static dev.meerkat.store.clickhouse.query.RollupSql.redSelects;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.RequestCell;
import dev.meerkat.store.query.RequestCellRepository;
import dev.meerkat.store.query.ServiceRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link RequestCellRepository} over the RED rollups: whole days from {@code span_red_1d}, whole
 * hours from {@code span_red_1h}, the minutes at the edges from {@code span_red_1m} (see {@link
 * RollupSql#segments}). An SLO's 30-day period then reads ~30 rows per cell instead of 43,200 (with
 * 10 million spans stored: ~780,000 minute rows of one service, ~80 ms a read). Several ranges are
 * one query: each range's rows are tagged with its index and summed per index, so every SLO's
 * period and seven burn windows, or the 30 steps of an SLO's history, cost one round trip.
 */
public final class ClickHouseRequestCellRepository implements RequestCellRepository {

  private static final String CELL = "span_name, is_error, latency_bucket";

  private final ClickHouseStore store;
  private final RollupCoverage coverage;

  public ClickHouseRequestCellRepository(ClickHouseStore store) {
    this.store = store;
    this.coverage = new RollupCoverage(store, RollupSql.RED);
  }

  @Override
  public List<RequestCell> requestCells(String service, Instant from, Instant to) {
    return requestCells(List.of(new ServiceRange(service, from, to))).getFirst();
  }

  @Override
  public List<List<RequestCell>> requestCells(List<ServiceRange> ranges) {
    ranges.forEach(range -> store.limits().checkRange(range.from(), range.to()));
    long[] coveredFrom = coverage.coveredFrom();
    List<String> selects = new ArrayList<>();
    List<List<RequestCell>> cells = new ArrayList<>(ranges.size());
    for (int i = 0; i < ranges.size(); i++) {
      ServiceRange range = ranges.get(i);
      selects.addAll(
          redSelects(
              "toUInt32(" + i + ") AS range, " + CELL + ", span_count",
              "service_name = " + ClickHouseStore.quote(range.service()) + " AND " + IS_REQUEST,
              range.from(),
              range.to(),
              coveredFrom));
      cells.add(new ArrayList<>());
    }
    if (selects.isEmpty()) {
      return cells;
    }
    // sum() over GROUP BY: SummingMergeTree merges rows in the background, never on read.
    List<Row> rows =
        store.read(
            "SELECT range, "
                + CELL
                + ", sum(span_count) AS requests FROM ("
                + String.join(" UNION ALL ", selects)
                + ") GROUP BY range, "
                + CELL
                + " ORDER BY range, "
                + CELL);
    for (Row row : rows) {
      cells
          .get((int) row.longValue("range"))
          .add(
              new RequestCell(
                  row.string("span_name"),
                  row.longValue("is_error") == 1,
                  (int) row.longValue("latency_bucket"),
                  row.doubleValue("requests")));
    }
    return cells.stream().map(List::copyOf).toList();
  }
}
