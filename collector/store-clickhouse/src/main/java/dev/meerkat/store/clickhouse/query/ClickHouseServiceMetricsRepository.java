package dev.meerkat.store.clickhouse.query;

import static dev.meerkat.store.clickhouse.query.RollupSql.IS_REQUEST;
import static dev.meerkat.store.clickhouse.query.RollupSql.minutesIn;
import static dev.meerkat.store.clickhouse.query.RollupSql.redRows;
import static dev.meerkat.store.clickhouse.query.RollupSql.redSelects;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.LatencyHistogram;
import dev.meerkat.store.query.LatencyPoint;
import dev.meerkat.store.query.OperationSummary;
import dev.meerkat.store.query.OperationTime;
import dev.meerkat.store.query.RedPoint;
import dev.meerkat.store.query.RequestCounts;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.query.ServiceSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link ServiceMetricsRepository} over the RED rollups: {@code span_red_1d} for the whole days of
 * a range, {@code span_red_1h} for the whole hours around them and {@code span_red_1m} for the rest
 * (see {@link RollupSql#segments}).
 */
public final class ClickHouseServiceMetricsRepository implements ServiceMetricsRepository {

  /** The longest time before a window that {@link #services} reads to find new services. */
  static final Duration MAX_LOOK_BACK = Duration.ofHours(1);

  private static final Duration WEEK = Duration.ofDays(7);

  /** 1970-01-05T00:00Z, the first Monday after the epoch (a Thursday): ISO weeks start here. */
  private static final long FIRST_MONDAY = Duration.ofDays(4).toSeconds();

  private final ClickHouseStore store;
  private final RollupCoverage coverage;

  public ClickHouseServiceMetricsRepository(ClickHouseStore store) {
    this.store = store;
    this.coverage = new RollupCoverage(store, RollupSql.RED);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Rates are requests per second over the window, except for a service that first appears
   * inside it (no data in the window before): that one is rated over the time since its first
   * minute (its first hour or day where the window is read from a coarser rollup), so a service
   * that just started is not shown at a fraction of its real rate. The time before the window is
   * read too, as long as the window but at most {@link #MAX_LOOK_BACK}, to tell a new service from
   * one with sparse traffic; beyond an hour the difference in rate is small, and reading a second
   * month for a 30-day window would double its cost.
   */
  @Override
  public List<ServiceSummary> services(Instant from, Instant to) {
    return summaries("1", from, to);
  }

  @Override
  public Optional<ServiceSummary> service(String service, Instant from, Instant to) {
    return summaries("service_name = " + SqlLiteral.string(service), from, to).stream().findFirst();
  }

  /** {@link #services} of the services matching {@code where}, a condition on the rollups. */
  private List<ServiceSummary> summaries(String where, Instant from, Instant to) {
    store.limits().checkRange(from, to);
    Duration window = Duration.between(from, to);
    Instant lookBack = from.minus(window.compareTo(MAX_LOOK_BACK) < 0 ? window : MAX_LOOK_BACK);
    long[] covered = coverage.coveredFrom();
    // Before the window only presence and first minute matter: read no buckets or counts there.
    List<String> selects =
        new ArrayList<>(
            redSelects(
                "0 AS w, service_name, span_kind, toUInt8(0) AS is_error,"
                    + " toUInt8(0) AS latency_bucket, toFloat64(0) AS span_count",
                where,
                lookBack,
                from,
                covered));
    selects.addAll(
        redSelects(
            "1 AS w, service_name, span_kind, is_error, latency_bucket, span_count",
            where,
            from,
            to,
            covered));
    List<Row> rows =
        store.read(
            "SELECT service_name AS service, toUInt8("
                + IS_REQUEST
                + ") AS request, is_error, latency_bucket, sumIf(span_count, w = 1) AS spans,"
                + " countIf(w = 1) AS rows_in_window, min(t) AS first_minute FROM ("
                + String.join(" UNION ALL ", selects)
                + ") GROUP BY service, request, is_error, latency_bucket ORDER BY service");
    Map<String, ServiceAccumulator> byService = new LinkedHashMap<>();
    for (Row row : rows) {
      if (row.longValue("rows_in_window") > 0) {
        byService.computeIfAbsent(row.string("service"), name -> new ServiceAccumulator());
      }
    }
    for (Row row : rows) {
      ServiceAccumulator service = byService.get(row.string("service"));
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
    store.limits().checkRange(from, to);
    return store
        .query(
            "SELECT DISTINCT service_name FROM "
                + redRows("service_name", "1", from, to, coverage.coveredFrom())
                + " ORDER BY service_name")
        .stream()
        .map(row -> row.string("service_name"))
        .toList();
  }

  @Override
  public List<LatencyPoint> latencySeries(String service, Instant from, Instant to) {
    store.limits().checkRange(from, to);
    List<Row> rows =
        store.read(
            "SELECT toUInt32(minute) AS minute_epoch, latency_bucket, sum(span_count) AS spans"
                + " FROM span_red_1m WHERE service_name = "
                + SqlLiteral.string(service)
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
    store.limits().checkRange(from, to);
    Row row =
        store
            .query(
                "SELECT sum(span_count) AS total, sumIf(span_count, is_error = 1) AS errors FROM "
                    + redRows(
                        "is_error, span_count",
                        serviceRequests(service),
                        from,
                        to,
                        coverage.coveredFrom()))
            .getFirst();
    return new RequestCounts(row.doubleValue("total"), row.doubleValue("errors"));
  }

  @Override
  public List<OperationSummary> operations(String service, Instant from, Instant to) {
    store.limits().checkRange(from, to);
    List<Row> rows =
        store.read(
            "SELECT span_name, toString(span_kind) AS kind, is_error, latency_bucket,"
                + " sum(span_count) AS spans FROM "
                + redRows(
                    "span_name, span_kind, is_error, latency_bucket, span_count",
                    "service_name = " + SqlLiteral.string(service),
                    from,
                    to,
                    coverage.coveredFrom())
                + " GROUP BY span_name, span_kind, is_error, latency_bucket"
                + " ORDER BY span_kind, span_name");
    Map<List<String>, RedAccumulator> byOperation = new LinkedHashMap<>();
    for (Row row : rows) {
      byOperation
          .computeIfAbsent(
              List.of(row.string("span_name"), row.string("kind")), key -> new RedAccumulator())
          .add(row);
    }
    double seconds = RollupSql.seconds(from, to);
    List<OperationSummary> operations = new ArrayList<>(byOperation.size());
    byOperation.forEach(
        (key, red) ->
            operations.add(
                new OperationSummary(
                    service,
                    key.get(0),
                    key.get(1),
                    red.total(),
                    red.total() / seconds,
                    red.errorRatio(),
                    red.quantileMillis(0.5),
                    red.quantileMillis(0.95),
                    red.quantileMillis(0.99))));
    return operations;
  }

  @Override
  public List<OperationTime> operationTimes(String service, Instant from, Instant to) {
    store.limits().checkRange(from, to);
    return store
        .read(
            "SELECT span_name, toString(span_kind) AS kind, sum(duration_nanos_sum) AS nanos FROM "
                + redRows(
                    "span_name, span_kind, duration_nanos_sum",
                    "service_name = " + SqlLiteral.string(service),
                    from,
                    to,
                    coverage.coveredFrom())
                + " GROUP BY span_name, span_kind ORDER BY span_kind, span_name")
        .stream()
        .map(
            row ->
                new OperationTime(
                    row.string("span_name"), row.string("kind"), row.doubleValue("nanos") / 1e6))
        .toList();
  }

  @Override
  public List<RedPoint> redSeries(String service, Instant from, Instant to, Duration step) {
    store.limits().checkRange(from, to);
    return series(serviceRequests(service), from, to, step, 0);
  }

  @Override
  public List<RedPoint> weeklyRedSeries(String service, Instant from, Instant to) {
    store.limits().checkRange(from, to);
    return series(serviceRequests(service), from, to, WEEK, FIRST_MONDAY);
  }

  @Override
  public List<RedPoint> operationRedSeries(
      String service, String operation, Instant from, Instant to, Duration step) {
    store.limits().checkRange(from, to);
    return series(
        "service_name = "
            + SqlLiteral.string(service)
            + " AND span_name = "
            + SqlLiteral.string(operation),
        from,
        to,
        step,
        0);
  }

  private static String serviceRequests(String service) {
    return "service_name = " + SqlLiteral.string(service) + " AND " + IS_REQUEST;
  }

  /**
   * Steps are aligned to multiples of the step since {@code offsetSeconds} after the epoch (a whole
   * number of days). When the step is whole hours (or days), each step is whole hours (days) except
   * where the window clips it, so hour (day) rows fall into one step each and those rollups can be
   * used; other steps read minutes.
   */
  private List<RedPoint> series(
      String where, Instant from, Instant to, Duration step, long offsetSeconds) {
    long stepSeconds = RollupSql.stepSeconds(step);
    long[] covered = coverage.coveredFromForStep(stepSeconds);
    List<Row> rows =
        store.read(
            "SELECT intDiv(t - "
                + offsetSeconds
                + ", "
                + stepSeconds
                + ") * "
                + stepSeconds
                + " + "
                + offsetSeconds
                + " AS step_start, is_error, latency_bucket, sum(span_count) AS spans FROM "
                + redRows("is_error, latency_bucket, span_count", where, from, to, covered)
                + " GROUP BY step_start, is_error, latency_bucket ORDER BY step_start");
    Map<Long, RedAccumulator> bySteps = new LinkedHashMap<>();
    for (Row row : rows) {
      bySteps.computeIfAbsent(row.longValue("step_start"), s -> new RedAccumulator()).add(row);
    }
    List<RedPoint> points = new ArrayList<>(bySteps.size());
    bySteps.forEach(
        (stepStart, red) -> {
          Instant start = Instant.ofEpochSecond(Math.max(stepStart, from.getEpochSecond()));
          Instant end =
              Instant.ofEpochSecond(Math.min(stepStart + stepSeconds, to.getEpochSecond()));
          points.add(
              new RedPoint(
                  start,
                  red.total(),
                  red.total() / RollupSql.seconds(start, end),
                  red.errorRatio(),
                  red.quantileMillis(0.5),
                  red.quantileMillis(0.95),
                  red.quantileMillis(0.99)));
        });
    return points;
  }

  /** Sums the request rows of one service. */
  private static final class ServiceAccumulator {
    private final RedAccumulator red = new RedAccumulator();
    private long firstMinute = Long.MAX_VALUE;

    void add(Row row) {
      firstMinute = Math.min(firstMinute, row.longValue("first_minute"));
      red.add(row);
    }

    ServiceSummary summary(String name, Instant from, Instant to) {
      // No request rows (a service seen only through client spans): its rate is 0 anyway.
      long start =
          firstMinute == Long.MAX_VALUE
              ? from.getEpochSecond()
              : Math.max(from.getEpochSecond(), firstMinute);
      double requests = red.total();
      return new ServiceSummary(
          name,
          requests,
          requests / RollupSql.seconds(Instant.ofEpochSecond(start), to),
          red.errorRatio(),
          red.quantileMillis(0.5),
          red.quantileMillis(0.95),
          red.quantileMillis(0.99));
    }
  }
}
