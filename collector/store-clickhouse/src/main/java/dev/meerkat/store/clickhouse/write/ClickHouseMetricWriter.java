package dev.meerkat.store.clickhouse.write;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.RowBinaryOutput;
import dev.meerkat.store.model.ExponentialBuckets;
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
          "bucket_counts",
          "start_time_unix_nano",
          "description",
          "flags",
          "scope_name",
          "scope_version",
          "min",
          "max",
          "exp_scale",
          "exp_zero_count",
          "exp_zero_threshold",
          "exp_positive_offset",
          "exp_positive_bucket_counts",
          "exp_negative_offset",
          "exp_negative_bucket_counts",
          "quantiles",
          "quantile_values");

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
    writeFloat64s(out, point.bucketBounds());
    writeUInt64s(out, point.bucketCounts());
    out.writeUInt64(point.startTimeUnixNano());
    out.writeString(point.description());
    out.writeUInt32(Integer.toUnsignedLong(point.flags()));
    out.writeString(point.scopeName());
    out.writeString(point.scopeVersion());
    writeNullableFloat64(out, point.min());
    writeNullableFloat64(out, point.max());
    ExponentialBuckets exponential = point.exponential();
    // Int32 travels as its four little-endian bytes, the same as UInt32.
    out.writeUInt32(exponential.scale());
    out.writeUInt64(exponential.zeroCount());
    out.writeFloat64(exponential.zeroThreshold());
    out.writeUInt32(exponential.positiveOffset());
    writeUInt64s(out, exponential.positiveBucketCounts());
    out.writeUInt32(exponential.negativeOffset());
    writeUInt64s(out, exponential.negativeBucketCounts());
    writeFloat64s(out, point.quantiles());
    writeFloat64s(out, point.quantileValues());
  }

  // Nullable in RowBinary: a 1 marks NULL, a 0 is followed by the value. NaN means "not sent".
  private static void writeNullableFloat64(RowBinaryOutput out, double value) throws IOException {
    if (Double.isNaN(value)) {
      out.writeUInt8(1);
    } else {
      out.writeUInt8(0);
      out.writeFloat64(value);
    }
  }

  private static void writeFloat64s(RowBinaryOutput out, List<Double> values) throws IOException {
    out.writeVarUInt(values.size());
    for (int i = 0; i < values.size(); i++) {
      out.writeFloat64(values.get(i));
    }
  }

  private static void writeUInt64s(RowBinaryOutput out, List<Long> values) throws IOException {
    out.writeVarUInt(values.size());
    for (int i = 0; i < values.size(); i++) {
      out.writeUInt64(values.get(i));
    }
  }
}
