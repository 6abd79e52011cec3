package dev.meerkat.store.clickhouse.query;

import static dev.meerkat.store.clickhouse.query.RollupSql.IS_REQUEST;
import static dev.meerkat.store.clickhouse.query.RollupSql.minutesIn;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.RequestCell;
import dev.meerkat.store.query.RequestCellRepository;
import java.time.Instant;
import java.util.List;

/** {@link RequestCellRepository} over the {@code span_red_1m} rollup. */
public final class ClickHouseRequestCellRepository implements RequestCellRepository {

  private final ClickHouseStore store;

  public ClickHouseRequestCellRepository(ClickHouseStore store) {
    this.store = store;
  }

  @Override
  public List<RequestCell> requestCells(String service, Instant from, Instant to) {
    store.limits().checkRange(from, to);
    // sum() over GROUP BY: SummingMergeTree merges rows in the background, never on read.
    List<Row> rows =
        store.read(
            "SELECT span_name, is_error, latency_bucket, sum(span_count) AS requests"
                + " FROM span_red_1m WHERE service_name = "
                + ClickHouseStore.quote(service)
                + " AND "
                + IS_REQUEST
                + " AND "
                + minutesIn(from, to)
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
