package dev.meerkat.collector.pipeline.codec;

import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.model.Temporality;
import java.util.ArrayList;
import java.util.List;

/** Spool payload of metric points: a version byte, the count, then each point's fields. */
public final class MetricPointRecordCodec implements RecordCodec<MetricPointRecord> {

  static final int VERSION = 1;
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
      List<Double> bounds = point.bucketBounds();
      out.writeVarLong(bounds.size());
      for (int b = 0; b < bounds.size(); b++) {
        out.writeDouble(bounds.get(b));
      }
      List<Long> counts = point.bucketCounts();
      out.writeVarLong(counts.size());
      for (int c = 0; c < counts.size(); c++) {
        out.writeVarLong(counts.get(c));
      }
    }
  }

  @Override
  public List<MetricPointRecord> decode(CodecInput in) {
    int version = in.readByte();
    if (version != VERSION) {
      throw new IllegalStateException("unknown metric point codec version " + version);
    }
    int count = in.readVarInt();
    List<MetricPointRecord> points = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
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
      int boundCount = in.readVarInt();
      List<Double> bounds = new ArrayList<>(boundCount);
      for (int b = 0; b < boundCount; b++) {
        bounds.add(in.readDouble());
      }
      int bucketCount = in.readVarInt();
      List<Long> counts = new ArrayList<>(bucketCount);
      for (int c = 0; c < bucketCount; c++) {
        counts.add(in.readVarLong());
      }
      points.add(
          new MetricPointRecord(
              time,
              service,
              name,
              type,
              unit,
              monotonic,
              temporality,
              attributeKeys,
              attributeValues,
              resourceKeys,
              resourceValues,
              value,
              pointCount,
              bounds,
              counts));
    }
    return points;
  }
}
