package dev.meerkat.store.query;

import static dev.meerkat.store.query.RollupSql.IS_REQUEST;
import static dev.meerkat.store.query.RollupSql.minutesIn;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link ServiceMetricsRepository} over the {@code span_red_1m} rollup. */
public final class ClickHouseServiceMetricsRepository implements ServiceMetricsRepository {

  private final ClickHouseStore store;

  public ClickHouseServiceMetricsRepository(ClickHouseStore store) {
    this.store = store;
  }

  @Override
  public List<ServiceSummary> services(Instant from, Instant to) {
    List<Row> rows =
        store.query(
            "SELECT service_name AS service, toUInt8("
                + IS_REQUEST
                + ") AS request, is_error, latency_bucket, sum(span_count) AS spans"
                + " FROM span_red_1m WHERE "
                + minutesIn(from, to)
                + " GROUP BY service, request, is_error, latency_bucket"
                + " ORDER BY service");
    Map<String, Accumulator> byService = new LinkedHashMap<>();
    for (Row row : rows) {
      Accumulator service =
          byService.computeIfAbsent(row.string("service"), name -> new Accumulator());
      if (row.longValue("request") == 1) {
        service.add(row);
      }
    }
    double seconds = RollupSql.seconds(from, to);
    List<ServiceSummary> summaries = new ArrayList<>(byService.size());
    byService.forEach((name, service) -> summaries.add(service.summary(name, seconds)));
    return summaries;
  }

  @Override
  public List<String> serviceNames(Instant from, Instant to) {
    return store
        .query(
            "SELECT DISTINCT service_name FROM span_red_1m WHERE "
                + minutesIn(from, to)
                + " ORDER BY service_name")
        .stream()
        .map(row -> row.string("service_name"))
        .toList();
  }

  @Override
  public List<LatencyPoint> latencySeries(String service, Instant from, Instant to) {
    List<Row> rows =
        store.query(
            "SELECT toUInt32(minute) AS minute_epoch, latency_bucket, sum(span_count) AS spans"
                + " FROM span_red_1m WHERE service_name = "
                + ClickHouseStore.quote(service)
                + " AND "
                + IS_REQUEST
                + " AND "
                + minutesIn(from, to)
                + " GROUP BY minute_epoch, latency_bucket ORDER BY minute_epoch");
    Map<Long, LatencyHistogram> byMinute = new LinkedHashMap<>();
    for (Row row : rows) {
      byMinute
          .computeIfAbsent(row.longValue("minute_epoch"), minute -> new LatencyHistogram())
          .add((int) row.longValue("latency_bucket"), row.doubleValue("spans"));
    }
    List<LatencyPoint> points = new ArrayList<>(byMinute.size());
    byMinute.forEach(
        (minute, histogram) ->
            points.add(
                new LatencyPoint(
                    Instant.ofEpochSecond(minute),
                    histogram.total() / 60.0,
                    histogram.quantileMillis(0.5),
                    histogram.quantileMillis(0.99))));
    return points;
  }

  @Override
  public RequestCounts requestCounts(String service, Instant from, Instant to) {
    Row row =
        store
            .query(
                "SELECT sum(span_count) AS total, sumIf(span_count, is_error = 1) AS errors"
                    + " FROM span_red_1m WHERE service_name = "
                    + ClickHouseStore.quote(service)
                    + " AND "
                    + IS_REQUEST
                    + " AND "
                    + minutesIn(from, to))
            .getFirst();
    return new RequestCounts(row.doubleValue("total"), row.doubleValue("errors"));
  }

  /** Sums the request rows of one service. */
  private static final class Accumulator {
    private final LatencyHistogram histogram = new LatencyHistogram();
    private double errors;

    void add(Row row) {
      double spans = row.doubleValue("spans");
      histogram.add((int) row.longValue("latency_bucket"), spans);
      if (row.longValue("is_error") == 1) {
        errors += spans;
      }
    }

    ServiceSummary summary(String name, double seconds) {
      double requests = histogram.total();
      return new ServiceSummary(
          name,
          requests,
          requests / seconds,
          requests > 0 ? errors / requests : 0,
          histogram.quantileMillis(0.5),
          histogram.quantileMillis(0.99));
    }
  }
}
