package dev.meerkat.store.clickhouse.query;

import static dev.meerkat.store.clickhouse.query.RollupSql.dateTime;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.MetricValueRepository;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link MetricValueRepository} over {@code metric_points}. */
public final class ClickHouseMetricValueRepository implements MetricValueRepository {

  private final ClickHouseStore store;

  public ClickHouseMetricValueRepository(ClickHouseStore store) {
    this.store = store;
  }

  @Override
  public Map<String, Double> meanByService(String metricName, Instant from, Instant to) {
    store.limits().checkRange(from, to);
    // The sort key starts (service_name, metric_name, timestamp): the range reads few granules.
    Map<String, Double> means = new LinkedHashMap<>();
    for (Row row :
        store.read(
            "SELECT service_name, avg(value) AS mean FROM metric_points WHERE metric_name = "
                + ClickHouseStore.quote(metricName)
                + " AND metric_type IN ('GAUGE', 'SUM') AND NOT isNaN(value)"
                + " AND timestamp >= "
                + dateTime(from)
                + " AND timestamp < "
                + dateTime(to)
                + " GROUP BY service_name ORDER BY service_name")) {
      means.put(row.string("service_name"), row.doubleValue("mean"));
    }
    return means;
  }
}
