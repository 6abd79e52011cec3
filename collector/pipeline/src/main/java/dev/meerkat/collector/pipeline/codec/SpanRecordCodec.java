package dev.meerkat.collector.pipeline.codec;

import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import java.util.ArrayList;
import java.util.List;

/** Spool payload of spans: a version byte, the count, then each span's fields in order. */
public final class SpanRecordCodec implements RecordCodec<SpanRecord> {

  static final int VERSION = 1;
  private static final SpanKind[] KINDS = SpanKind.values();
  private static final SpanStatus[] STATUSES = SpanStatus.values();

  @Override
  public void encode(List<SpanRecord> spans, CodecOutput out) {
    out.writeByte(VERSION);
    out.writeVarLong(spans.size());
    for (int i = 0; i < spans.size(); i++) {
      SpanRecord span = spans.get(i);
      out.writeLong(span.startTimeUnixNano());
      out.writeVarLong(span.durationNanos());
      out.writeString(span.traceId());
      out.writeString(span.spanId());
      out.writeString(span.parentSpanId());
      out.writeString(span.traceState());
      out.writeString(span.serviceName());
      out.writeString(span.spanName());
      out.writeByte(span.kind().ordinal());
      out.writeByte(span.status().ordinal());
      out.writeString(span.statusMessage());
      out.writeString(span.httpMethod());
      out.writeString(span.httpRoute());
      out.writeVarLong(span.httpStatusCode());
      out.writeString(span.peerService());
      out.writeDouble(span.sampleRate());
      out.writeStrings(span.attributeKeys());
      out.writeStrings(span.attributeValues());
      out.writeStrings(span.resourceKeys());
      out.writeStrings(span.resourceValues());
      out.writeString(span.scopeName());
      out.writeString(span.scopeVersion());
    }
  }

  @Override
  public List<SpanRecord> decode(CodecInput in) {
    int version = in.readByte();
    if (version != VERSION) {
      throw new IllegalStateException("unknown span codec version " + version);
    }
    int count = in.readVarInt();
    List<SpanRecord> spans = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      spans.add(
          new SpanRecord(
              in.readLong(),
              in.readVarLong(),
              in.readString(),
              in.readString(),
              in.readString(),
              in.readString(),
              in.readString(),
              in.readString(),
              KINDS[in.readByte()],
              STATUSES[in.readByte()],
              in.readString(),
              in.readString(),
              in.readString(),
              in.readVarInt(),
              in.readString(),
              in.readDouble(),
              in.readStrings(),
              in.readStrings(),
              in.readStrings(),
              in.readStrings(),
              in.readString(),
              in.readString()));
    }
    return spans;
  }
}
