package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.metric.HistogramBucketSample;
import dev.meerkat.store.query.metric.HistogramBucketSeries;
import dev.meerkat.store.query.metric.HistogramSample;
import dev.meerkat.store.query.metric.HistogramSeries;
import dev.meerkat.store.query.metric.HistogramSeriesRepository;
import dev.meerkat.store.query.metric.MetricSeriesQuery;
import dev.meerkat.store.query.metric.StepAggregation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link HistogramSeriesRepository} over the explicit-bucket {@code HISTOGRAM} rows of {@code
 * metric_points}: {@code point_count} is the count, {@code value} the sum. Series are split as in
 * {@link ClickHouseMetricSeriesRepository}.
 */
public final class ClickHouseHistogramSeriesRepository implements HistogramSeriesRepository {

  private final ClickHouseStore store;

  public ClickHouseHistogramSeriesRepository(ClickHouseStore store) {
    this.store = store;
  }

  @Override
  public List<HistogramSeries> histograms(MetricSeriesQuery query) {
    List<Row> rows = read(query, "");
    Map<Map<String, String>, List<HistogramSample>> bySeries =
        MetricPointSql.bySeries(
            rows,
            row ->
                new HistogramSample(
                    Instant.ofEpochSecond(row.longValue("step_start")),
                    row.longValue("count"),
                    row.doubleValue("sum")));
    List<HistogramSeries> series = new ArrayList<>(bySeries.size());
    bySeries.forEach((labels, samples) -> series.add(new HistogramSeries(labels, samples)));
    return series;
  }

  @Override
  public List<HistogramBucketSeries> histogramBuckets(MetricSeriesQuery query) {
    List<Row> rows =
        read(
            query,
            ", argMax(bucket_bounds, time_unix_nano) AS bounds, "
                + bucketAggregate(query.aggregation())
                + " AS counts");
    Map<Map<String, String>, List<HistogramBucketSample>> bySeries =
        MetricPointSql.bySeries(
            rows,
            row ->
                new HistogramBucketSample(
                    Instant.ofEpochSecond(row.longValue("step_start")),
                    row.longValue("count"),
                    row.doubleValue("sum"),
                    numbers(row.strings("bounds")),
                    numbers(row.strings("counts"))));
    List<HistogramBucketSeries> series = new ArrayList<>(bySeries.size());
    bySeries.forEach((labels, samples) -> series.add(new HistogramBucketSeries(labels, samples)));
    return series;
  }

  /** Count and sum (and {@code columns}) per series and step, ordered by series then step. */
  private List<Row> read(MetricSeriesQuery query, String columns) {
    store.limits().checkRange(query.from(), query.to());
    return store.read(
        "SELECT service_name, "
            + MetricPointSql.LABEL_COLUMNS
            + ", "
            + MetricPointSql.stepStart(query)
            + ", toUInt64("
            + MetricPointSql.aggregate(query.aggregation(), "point_count")
            + ") AS count, "
            + MetricPointSql.aggregate(query.aggregation(), "value")
            + " AS sum"
            + columns
            + " FROM metric_points WHERE "
            + MetricPointSql.where(query, "'HISTOGRAM'")
            + " GROUP BY service_name, label_keys, label_values, step_start"
            + " ORDER BY service_name, label_keys, label_values, step_start");
  }

  /** The aggregation element by element over the points' {@code bucket_counts} arrays. */
  private static String bucketAggregate(StepAggregation aggregation) {
    return switch (aggregation) {
      case LAST -> "argMax(bucket_counts, time_unix_nano)";
      case AVG -> "avgForEach(bucket_counts)";
      case SUM -> "sumForEach(bucket_counts)";
      case MIN -> "minForEach(bucket_counts)";
      case MAX -> "maxForEach(bucket_counts)";
    };
  }

  private static List<Double> numbers(List<String> texts) {
    return texts.stream().map(Double::parseDouble).toList();
  }
}
