package dev.meerkat.collector.pipeline.codec;

import dev.meerkat.store.model.ExponentialBuckets;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.model.Temporality;
import java.util.ArrayList;
import java.util.List;

/**
 * Spool payload of metric points: a version byte, the count, then each point's fields. Version 2
 * adds, after the fields of version 1, what points gained later (start time, description, flags,
 * scope, min, max, exponential buckets, quantiles); a version 1 payload reads back with their empty
 * values (min and max NaN, "not sent").
 */
public final class MetricPointRecordCodec implements RecordCodec<MetricPointRecord> {

  static final int VERSION = 2;
  private static final int VERSION_WITHOUT_FULL_POINTS = 1;
  private static final MetricType[] TYPES = MetricType.values();
  private static final Temporality[] TEMPORALITIES = Temporality.values();

  @Override
  public void encode(List<MetricPointRecord> points, CodecOutput out) {
    out.writeByte(VERSION);
    out.writeVarLong(points.size());
    for (int i = 0; i < points.size(); i++) {
      MetricPointRecord point = points.get(i);
      out.writeLong(point.timeUnixNano());
      out.writeString(point.serviceName());
      out.writeString(point.metricName());
      out.writeByte(point.type().ordinal());
      out.writeString(point.unit());
      out.writeByte(point.monotonic() ? 1 : 0);
      out.writeByte(point.temporality().ordinal());
      out.writeStrings(point.attributeKeys());
      out.writeStrings(point.attributeValues());
      out.writeStrings(point.resourceKeys());
      out.writeStrings(point.resourceValues());
      out.writeDouble(point.value());
      out.writeVarLong(point.pointCount());
      out.writeDoubles(point.bucketBounds());
      out.writeVarLongs(point.bucketCounts());
      // Version 2 from here.
      out.writeLong(point.startTimeUnixNano());
      out.writeString(point.description());
      out.writeInt(point.flags());
      out.writeString(point.scopeName());
      out.writeString(point.scopeVersion());
      out.writeDouble(point.min());
      out.writeDouble(point.max());
      ExponentialBuckets exponential = point.exponential();
      out.writeInt(exponential.scale());
      out.writeVarLong(exponential.zeroCount());
      out.writeDouble(exponential.zeroThreshold());
      out.writeInt(exponential.positiveOffset());
      out.writeVarLongs(exponential.positiveBucketCounts());
      out.writeInt(exponential.negativeOffset());
      out.writeVarLongs(exponential.negativeBucketCounts());
      out.writeDoubles(point.quantiles());
      out.writeDoubles(point.quantileValues());
    }
  }

  @Override
  public List<MetricPointRecord> decode(CodecInput in) {
    int version = in.readByte();
    if (version != VERSION && version != VERSION_WITHOUT_FULL_POINTS) {
      throw new IllegalStateException("unknown metric point codec version " + version);
    }
    int count = in.readVarInt();
    List<MetricPointRecord> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      points.add(version == VERSION ? readPoint(in) : readVersion1Point(in));
    }
    return points;
  }

  private static MetricPointRecord readPoint(CodecInput in) {
    long time = in.readLong();
    String service = in.readString();
    String name = in.readString();
    MetricType type = TYPES[in.readByte()];
    String unit = in.readString();
    boolean monotonic = in.readByte() == 1;
    Temporality temporality = TEMPORALITIES[in.readByte()];
    List<String> attributeKeys = in.readStrings();
    List<String> attributeValues = in.readStrings();
    List<String> resourceKeys = in.readStrings();
    List<String> resourceValues = in.readStrings();
    double value = in.readDouble();
    long pointCount = in.readVarLong();
    List<Double> bounds = in.readDoubles();
    List<Long> counts = in.readVarLongs();
    long startTime = in.readLong();
    String description = in.readString();
    int flags = in.readInt();
    String scopeName = in.readString();
    String scopeVersion = in.readString();
    double min = in.readDouble();
    double max = in.readDouble();
    ExponentialBuckets exponential =
        new ExponentialBuckets(
            in.readInt(),
            in.readVarLong(),
            in.readDouble(),
            in.readInt(),
            in.readVarLongs(),
            in.readInt(),
            in.readVarLongs());
    List<Double> quantiles = in.readDoubles();
    List<Double> quantileValues = in.readDoubles();
    return new MetricPointRecord(
        time,
        startTime,
        service,
        name,
        description,
        type,
        unit,
        monotonic,
        temporality,
        flags,
        attributeKeys,
        attributeValues,
        resourceKeys,
        resourceValues,
        scopeName,
        scopeVersion,
        value,
        pointCount,
        min,
        max,
        bounds,
        counts,
        exponential,
        quantiles,
        quantileValues);
  }

  /** A point spooled by a collector whose points had only the fields of version 1. */
  private static MetricPointRecord readVersion1Point(CodecInput in) {
    long time = in.readLong();
    String service = in.readString();
    String name = in.readString();
    MetricType type = TYPES[in.readByte()];
    String unit = in.readString();
    boolean monotonic = in.readByte() == 1;
    Temporality temporality = TEMPORALITIES[in.readByte()];
    List<String> attributeKeys = in.readStrings();
    List<String> attributeValues = in.readStrings();
    List<String> resourceKeys = in.readStrings();
    List<String> resourceValues = in.readStrings();
    double value = in.readDouble();
    long pointCount = in.readVarLong();
    List<Double> bounds = in.readDoubles();
    List<Long> counts = in.readVarLongs();
    return MetricPointRecord.builder(type, service, name)
        .time(0, time)
        .description("", unit)
        .aggregation(monotonic, temporality)
        .attributes(attributeKeys, attributeValues)
        .resource(resourceKeys, resourceValues)
        .value(value)
        .count(pointCount)
        .buckets(bounds, counts)
        .build();
  }
}
