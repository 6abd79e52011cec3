package dev.meerkat.store.clickhouse.write;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.RowBinaryOutput;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.write.MetricWriter;
import java.io.IOException;
import java.util.List;

/** Writes metric point batches into {@code metric_points} as one RowBinary insert per batch. */
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

  private final ClickHouseStore store;

  private ClickHouseMetricWriter(ClickHouseStore store) {
    this.store = store;
  }

  public static ClickHouseMetricWriter create(ClickHouseStore store) {
    return new ClickHouseMetricWriter(store);
  }

  @Override
  public void write(List<MetricPointRecord> points) {
    if (points.isEmpty()) {
      return;
    }
    store.insertRowBinary(
        "metric_points",
        COLUMNS,
        out -> {
          for (int i = 0; i < points.size(); i++) {
            writePoint(out, points.get(i));
          }
        });
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
