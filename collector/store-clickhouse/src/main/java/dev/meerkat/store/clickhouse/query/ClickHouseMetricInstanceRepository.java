package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.metric.MetricInstance;
import dev.meerkat.store.query.metric.MetricInstanceRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link MetricInstanceRepository} over {@code metric_points} (ordered by service first). */
public final class ClickHouseMetricInstanceRepository implements MetricInstanceRepository {

  private final ClickHouseStore store;

  public ClickHouseMetricInstanceRepository(ClickHouseStore store) {
    this.store = store;
  }

  @Override
  public List<MetricInstance> seen(String service, Instant from, Instant to) {
    store.limits().checkRange(from, to);
    List<Row> rows =
        store.read(
            "SELECT "
                + InstanceSql.ID
                + " AS instance, toUInt32(min(timestamp)) AS first_seen,"
                + " toUInt32(max(timestamp)) AS last_seen FROM metric_points WHERE service_name = "
                + SqlLiteral.string(service)
                + " AND timestamp >= "
                + SqlLiteral.dateTime(from)
                + " AND timestamp <= "
                + SqlLiteral.dateTime(to)
                + " AND time_unix_nano >= "
                + SqlLiteral.uint64(SqlLiteral.epochNanos(from))
                + " AND time_unix_nano < "
                + SqlLiteral.uint64(SqlLiteral.epochNanos(to))
                + " GROUP BY instance ORDER BY instance");
    List<MetricInstance> instances = new ArrayList<>(rows.size());
    for (Row row : rows) {
      instances.add(
          new MetricInstance(
              row.string("instance"),
              Instant.ofEpochSecond(row.longValue("first_seen")),
              Instant.ofEpochSecond(row.longValue("last_seen"))));
    }
    return instances;
  }
}
