package dev.meerkat.collector.pipeline.codec;

import dev.meerkat.store.model.LogRecord;
import java.util.ArrayList;
import java.util.List;

/** Spool payload of log records: a version byte, the count, then each record's fields in order. */
public final class LogRecordCodec implements RecordCodec<LogRecord> {

  static final int VERSION = 1;

  @Override
  public void encode(List<LogRecord> logs, CodecOutput out) {
    out.writeByte(VERSION);
    out.writeVarLong(logs.size());
    for (int i = 0; i < logs.size(); i++) {
      LogRecord log = logs.get(i);
      out.writeLong(log.timeUnixNano());
      out.writeLong(log.observedTimeUnixNano());
      out.writeInt(log.severityNumber());
      out.writeString(log.severityText());
      out.writeString(log.body());
      out.writeString(log.traceId());
      out.writeString(log.spanId());
      out.writeInt(log.flags());
      out.writeString(log.eventName());
      out.writeString(log.serviceName());
      out.writeStrings(log.attributeKeys());
      out.writeStrings(log.attributeValues());
      out.writeStrings(log.resourceKeys());
      out.writeStrings(log.resourceValues());
      out.writeString(log.scopeName());
      out.writeString(log.scopeVersion());
    }
  }

  @Override
  public List<LogRecord> decode(CodecInput in) {
    int version = in.readByte();
    if (version != VERSION) {
      throw new IllegalStateException("unknown log record codec version " + version);
    }
    int count = in.readVarInt();
    List<LogRecord> logs = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      logs.add(
          new LogRecord(
              in.readLong(),
              in.readLong(),
              in.readInt(),
              in.readString(),
              in.readString(),
              in.readString(),
              in.readString(),
              in.readInt(),
              in.readString(),
              in.readString(),
              in.readStrings(),
              in.readStrings(),
              in.readStrings(),
              in.readStrings(),
              in.readString(),
              in.readString()));
    }
    return logs;
  }
}
