package dev.meerkat.store.clickhouse.write;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.RowBinaryOutput;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.write.MetricWriter;
import dev.meerkat.store.write.WriteBatch;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Writes metric point batches into {@code metric_points} as RowBinary inserts, exactly once per
 * batch (see TokenedInsert).
 */
public final class ClickHouseMetricWriter implements MetricWriter {

  // Must match the order in which writePoint writes the values.
  static final List<String> COLUMNS =
      List.of(
          "timestamp",
          "time_unix_nano",
          "service_name",
          "metric_name",
          "metric_type",
          "unit",
          "is_monotonic",
          "temporality",
          "attribute_keys",
          "attribute_values",
          "resource_keys",
          "resource_values",
          "value",
          "point_count",
          "bucket_bounds",
          "bucket_counts");

  private final TokenedInsert<MetricPointRecord> insert;

  private ClickHouseMetricWriter(ClickHouseStore store) {
    this.insert =
        new TokenedInsert<>(
            store,
            "metric_points",
            "timestamp",
            COLUMNS,
            ClickHouseMetricWriter::writePoint,
            MetricPointRecord::timeEpochSeconds);
  }

  public static ClickHouseMetricWriter create(ClickHouseStore store) {
    return new ClickHouseMetricWriter(store);
  }

  @Override
  public void write(WriteBatch<MetricPointRecord> batch) {
    insert.insert(batch);
  }

  /**
   * Stores {@code points} as one batch with a fresh token (for tools and tests; no retry dedup).
   */
  public void write(List<MetricPointRecord> points) {
    write(WriteBatch.single(points, UUID.randomUUID().toString(), false));
  }

  private static void writePoint(RowBinaryOutput out, MetricPointRecord point) throws IOException {
    out.writeDateTime(point.timeEpochSeconds());
    out.writeUInt64(point.timeUnixNano());
    out.writeString(point.serviceName());
    out.writeString(point.metricName());
    out.writeEnum8(point.type().code());
    out.writeString(point.unit());
    out.writeUInt8(point.monotonic() ? 1 : 0);
    out.writeEnum8(point.temporality().ordinal());
    out.writeStringArray(point.attributeKeys());
    out.writeStringArray(point.attributeValues());
    out.writeStringArray(point.resourceKeys());
    out.writeStringArray(point.resourceValues());
    out.writeFloat64(point.value());
    out.writeUInt64(point.pointCount());
    List<Double> bounds = point.bucketBounds();
    out.writeVarUInt(bounds.size());
    for (int i = 0; i < bounds.size(); i++) {
      out.writeFloat64(bounds.get(i));
    }
    List<Long> counts = point.bucketCounts();
    out.writeVarUInt(counts.size());
    for (int i = 0; i < counts.size(); i++) {
      out.writeUInt64(counts.get(i));
    }
  }
}
