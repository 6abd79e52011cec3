package dev.meerkat.store.clickhouse.query;

import static dev.meerkat.store.clickhouse.query.RollupSql.IS_REQUEST;
import static dev.meerkat.store.clickhouse.query.RollupSql.redRows;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.ServiceLatencyCell;
import dev.meerkat.store.query.ServiceTrafficPoint;
import dev.meerkat.store.query.ServiceTrafficRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * {@link ServiceTrafficRepository} over the RED rollups, coarsest resolution that fits (see {@link
 * RollupSql#segments}).
 */
public final class ClickHouseServiceTrafficRepository implements ServiceTrafficRepository {

  private final ClickHouseStore store;
  private final RollupCoverage coverage;

  public ClickHouseServiceTrafficRepository(ClickHouseStore store) {
    this.store = store;
    this.coverage = new RollupCoverage(store, RollupSql.RED);
  }

  @Override
  public List<ServiceLatencyCell> latencyCells(Instant from, Instant to) {
    return requestCells(IS_REQUEST, from, to);
  }

  @Override
  public List<ServiceLatencyCell> latencyCells(String service, Instant from, Instant to) {
    return requestCells(IS_REQUEST + " AND service_name = " + SqlLiteral.string(service), from, to);
  }

  /** Cells of the requests matching {@code where}, a condition on the rollups. */
  private List<ServiceLatencyCell> requestCells(String where, Instant from, Instant to) {
    store.limits().checkRange(from, to);
    // sum() over GROUP BY: SummingMergeTree merges rows in the background, never on read.
    List<Row> rows =
        store.read(
            "SELECT service_name, is_error, latency_bucket, sum(span_count) AS requests FROM "
                + redRows(
                    "service_name, is_error, latency_bucket, span_count",
                    where,
                    from,
                    to,
                    coverage.coveredFrom())
                + " GROUP BY service_name, is_error, latency_bucket"
                + " ORDER BY service_name, is_error, latency_bucket");
    return rows.stream()
        .map(
            row ->
                new ServiceLatencyCell(
                    row.string("service_name"),
                    row.longValue("is_error") == 1,
                    (int) row.longValue("latency_bucket"),
                    row.doubleValue("requests")))
        .toList();
  }

  @Override
  public List<ServiceTrafficPoint> trafficSeries(Instant from, Instant to, Duration step) {
    store.limits().checkRange(from, to);
    long stepSeconds = RollupSql.stepSeconds(step);
    List<Row> rows =
        store.read(
            "SELECT service_name, intDiv(t, "
                + stepSeconds
                + ") * "
                + stepSeconds
                + " AS step_start, sum(span_count) AS requests,"
                + " sumIf(span_count, is_error = 1) AS errors FROM "
                + redRows(
                    "service_name, is_error, span_count",
                    IS_REQUEST,
                    from,
                    to,
                    coverage.coveredFromForStep(stepSeconds))
                + " GROUP BY service_name, step_start ORDER BY service_name, step_start");
    long fromSecond = from.getEpochSecond();
    return rows.stream()
        .map(
            row ->
                new ServiceTrafficPoint(
                    row.string("service_name"),
                    Instant.ofEpochSecond(Math.max(row.longValue("step_start"), fromSecond)),
                    row.doubleValue("requests"),
                    row.doubleValue("errors")))
        .toList();
  }
}
