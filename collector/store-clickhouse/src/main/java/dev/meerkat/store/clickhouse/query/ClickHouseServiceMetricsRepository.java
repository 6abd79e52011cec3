package dev.meerkat.store.clickhouse.query;

import static dev.meerkat.store.clickhouse.query.RollupSql.IS_REQUEST;
import static dev.meerkat.store.clickhouse.query.RollupSql.minutesIn;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.LatencyHistogram;
import dev.meerkat.store.query.LatencyPoint;
import dev.meerkat.store.query.RequestCounts;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.query.ServiceSummary;
import java.time.Duration;
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

  /**
   * {@inheritDoc}
   *
   * <p>Rates are requests per second over the window, except for a service that first appears
   * inside it (no data in the window before): that one is rated over the time since its first
   * minute, so a service that just started is not shown at a fraction of its real rate. The
   * preceding window is read too, to tell a new service from one with sparse traffic.
   */
  @Override
  public List<ServiceSummary> services(Instant from, Instant to) {
    Instant lookBack = from.minus(Duration.between(from, to));
    String inWindow = "minute >= " + RollupSql.dateTime(from);
    List<Row> rows =
        store.query(
            "SELECT service_name AS service, toUInt8("
                + IS_REQUEST
                + ") AS request, is_error, latency_bucket, sumIf(span_count, "
                + inWindow
                + ") AS spans, countIf("
                + inWindow
                + ") AS rows_in_window, toUInt32(min(minute)) AS first_minute"
                + " FROM span_red_1m WHERE "
                + minutesIn(lookBack, to)
                + " GROUP BY service, request, is_error, latency_bucket"
                + " ORDER BY service");
    Map<String, Accumulator> byService = new LinkedHashMap<>();
    for (Row row : rows) {
      if (row.longValue("rows_in_window") > 0) {
        byService.computeIfAbsent(row.string("service"), name -> new Accumulator());
      }
    }
    for (Row row : rows) {
      Accumulator service = byService.get(row.string("service"));
      if (service != null && row.longValue("request") == 1) {
        service.add(row);
      }
    }
    List<ServiceSummary> summaries = new ArrayList<>(byService.size());
    byService.forEach((name, service) -> summaries.add(service.summary(name, from, to)));
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
    private long firstMinute = Long.MAX_VALUE;

    void add(Row row) {
      firstMinute = Math.min(firstMinute, row.longValue("first_minute"));
      double spans = row.doubleValue("spans");
      histogram.add((int) row.longValue("latency_bucket"), spans);
      if (row.longValue("is_error") == 1) {
        errors += spans;
      }
    }

    ServiceSummary summary(String name, Instant from, Instant to) {
      // No request rows (a service seen only through client spans): its rate is 0 anyway.
      long start =
          firstMinute == Long.MAX_VALUE
              ? from.getEpochSecond()
              : Math.max(from.getEpochSecond(), firstMinute);
      double requests = histogram.total();
      return new ServiceSummary(
          name,
          requests,
          requests / RollupSql.seconds(Instant.ofEpochSecond(start), to),
          requests > 0 ? errors / requests : 0,
          histogram.quantileMillis(0.5),
          histogram.quantileMillis(0.99));
    }
  }
}
