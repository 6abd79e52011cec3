package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.metric.HistogramSample;
import dev.meerkat.store.query.metric.HistogramSeries;
import dev.meerkat.store.query.metric.HistogramSeriesRepository;
import dev.meerkat.store.query.metric.MetricSeriesQuery;
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
    store.limits().checkRange(query.from(), query.to());
    List<Row> rows =
        store.read(
            "SELECT service_name, "
                + MetricPointSql.LABEL_COLUMNS
                + ", "
                + MetricPointSql.stepStart(query)
                + ", toUInt64("
                + MetricPointSql.aggregate(query.aggregation(), "point_count")
                + ") AS count, "
                + MetricPointSql.aggregate(query.aggregation(), "value")
                + " AS sum FROM metric_points WHERE "
                + MetricPointSql.where(query, "'HISTOGRAM'")
                + " GROUP BY service_name, label_keys, label_values, step_start"
                + " ORDER BY service_name, label_keys, label_values, step_start");
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
}
