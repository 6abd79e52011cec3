package dev.meerkat.collector.pipeline.codec;

import dev.meerkat.store.model.SpanEvent;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanLink;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Spool payload of spans: a version byte, the count, then each span's fields in order. Version 2
 * adds the events and links after the fields of version 1; a version 1 payload (written before
 * spans had events and links) reads back with none.
 */
public final class SpanRecordCodec implements RecordCodec<SpanRecord> {

  static final int VERSION = 2;
  private static final int VERSION_WITHOUT_EVENTS = 1;
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
      writeEvents(out, span.events());
      writeLinks(out, span.links());
    }
  }

  private static void writeEvents(CodecOutput out, List<SpanEvent> events) {
    out.writeVarLong(events.size());
    for (int e = 0; e < events.size(); e++) {
      SpanEvent event = events.get(e);
      out.writeLong(event.timeUnixNano());
      out.writeString(event.name());
      out.writeStrings(event.attributeKeys());
      out.writeStrings(event.attributeValues());
    }
  }

  private static void writeLinks(CodecOutput out, List<SpanLink> links) {
    out.writeVarLong(links.size());
    for (int l = 0; l < links.size(); l++) {
      SpanLink link = links.get(l);
      out.writeString(link.traceId());
      out.writeString(link.spanId());
      out.writeString(link.traceState());
      out.writeStrings(link.attributeKeys());
      out.writeStrings(link.attributeValues());
    }
  }

  @Override
  public List<SpanRecord> decode(CodecInput in) {
    int version = in.readByte();
    if (version != VERSION && version != VERSION_WITHOUT_EVENTS) {
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
              in.readString(),
              version == VERSION ? readEvents(in) : List.of(),
              version == VERSION ? readLinks(in) : List.of()));
    }
    return spans;
  }

  private static List<SpanEvent> readEvents(CodecInput in) {
    int count = in.readVarInt();
    List<SpanEvent> events = new ArrayList<>(Math.min(count, 1024));
    for (int e = 0; e < count; e++) {
      events.add(new SpanEvent(in.readLong(), in.readString(), in.readStrings(), in.readStrings()));
    }
    return events;
  }

  private static List<SpanLink> readLinks(CodecInput in) {
    int count = in.readVarInt();
    List<SpanLink> links = new ArrayList<>(Math.min(count, 1024));
    for (int l = 0; l < count; l++) {
      links.add(
          new SpanLink(
              in.readString(),
              in.readString(),
              in.readString(),
              in.readStrings(),
              in.readStrings()));
    }
    return links;
  }
}
