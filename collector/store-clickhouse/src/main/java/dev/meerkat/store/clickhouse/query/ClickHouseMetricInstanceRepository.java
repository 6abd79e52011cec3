package dev.meerkat.store.clickhouse.query;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.query.metric.LabelMatcher;
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
  public List<String> instances(String service, Instant from, Instant to) {
    store.limits().checkRange(from, to);
    List<Row> rows =
        store.read(
            "SELECT DISTINCT "
                + MetricPointSql.resource(LabelMatcher.INSTANCE_LABEL)
                + " AS instance FROM metric_points WHERE service_name = "
                + SqlLiteral.string(service)
                + " AND timestamp >= "
                + SqlLiteral.dateTime(from)
                + " AND timestamp <= "
                + SqlLiteral.dateTime(to)
                + " AND time_unix_nano >= "
                + SqlLiteral.uint64(SqlLiteral.epochNanos(from))
                + " AND time_unix_nano < "
                + SqlLiteral.uint64(SqlLiteral.epochNanos(to))
                + " ORDER BY instance");
    List<String> instances = new ArrayList<>(rows.size());
    for (Row row : rows) {
      instances.add(row.string("instance"));
    }
    return instances;
  }
}
