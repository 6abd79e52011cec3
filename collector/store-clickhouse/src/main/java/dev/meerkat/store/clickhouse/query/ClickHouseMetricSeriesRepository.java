package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.metric.MetricSample;
import dev.meerkat.store.query.metric.MetricSeries;
import dev.meerkat.store.query.metric.MetricSeriesQuery;
import dev.meerkat.store.query.metric.MetricSeriesRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link MetricSeriesRepository} over {@code metric_points}. A series is one service and one set of
 * point attributes (compared with keys sorted, so attribute order does not split a series); each
 * step's value is computed by ClickHouse with the query's aggregation.
 */
public final class ClickHouseMetricSeriesRepository implements MetricSeriesRepository {

  private final ClickHouseStore store;

  public ClickHouseMetricSeriesRepository(ClickHouseStore store) {
    this.store = store;
  }

  @Override
  public List<MetricSeries> series(MetricSeriesQuery query) {
    store.limits().checkRange(query.from(), query.to());
    List<Row> rows =
        store.read(
            "SELECT service_name, "
                + MetricPointSql.LABEL_COLUMNS
                + ", "
                + MetricPointSql.stepStart(query)
                + ", "
                + MetricPointSql.aggregate(query.aggregation(), "value")
                + " AS value FROM metric_points WHERE "
                + MetricPointSql.where(query, "'GAUGE', 'SUM'")
                + " GROUP BY service_name, label_keys, label_values, step_start"
                + " ORDER BY service_name, label_keys, label_values, step_start");
    Map<Map<String, String>, List<MetricSample>> bySeries =
        MetricPointSql.bySeries(
            rows,
            row ->
                new MetricSample(
                    Instant.ofEpochSecond(row.longValue("step_start")), row.doubleValue("value")));
    List<MetricSeries> series = new ArrayList<>(bySeries.size());
    bySeries.forEach((labels, samples) -> series.add(new MetricSeries(labels, samples)));
    return series;
  }
}
