package dev.meerkat.store.clickhouse.write;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.RowBinaryOutput;
import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.write.LogWriter;
import dev.meerkat.store.write.WriteBatch;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Writes log record batches into {@code logs} as RowBinary inserts, exactly once per batch (see
 * TokenedInsert).
 */
public final class ClickHouseLogWriter implements LogWriter {

  // Must match the order in which writeLog writes the values.
  static final List<String> COLUMNS =
      List.of(
          "timestamp",
          "time_unix_nano",
          "observed_time_unix_nano",
          "severity_number",
          "severity_text",
          "body",
          "trace_id",
          "span_id",
          "flags",
          "event_name",
          "service_name",
          "attribute_keys",
          "attribute_values",
          "resource_keys",
          "resource_values",
          "scope_name",
          "scope_version");

  private final TokenedInsert<LogRecord> insert;

  private ClickHouseLogWriter(ClickHouseStore store) {
    this.insert =
        new TokenedInsert<>(
            store,
            "logs",
            "timestamp",
            COLUMNS,
            ClickHouseLogWriter::writeLog,
            LogRecord::timeEpochSeconds);
  }

  public static ClickHouseLogWriter create(ClickHouseStore store) {
    return new ClickHouseLogWriter(store);
  }

  @Override
  public void write(WriteBatch<LogRecord> batch) {
    insert.insert(batch);
  }

  /** Stores {@code logs} as one batch with a fresh token (for tools and tests; no retry dedup). */
  public void write(List<LogRecord> logs) {
    write(WriteBatch.single(logs, UUID.randomUUID().toString(), false));
  }

  private static void writeLog(RowBinaryOutput out, LogRecord log) throws IOException {
    out.writeDateTime(log.timeEpochSeconds());
    out.writeUInt64(log.timeUnixNano());
    out.writeUInt64(log.observedTimeUnixNano());
    out.writeUInt8(log.severityNumber());
    out.writeString(log.severityText());
    out.writeString(log.body());
    out.writeString(log.traceId());
    out.writeString(log.spanId());
    out.writeUInt32(Integer.toUnsignedLong(log.flags()));
    out.writeString(log.eventName());
    out.writeString(log.serviceName());
    out.writeStringArray(log.attributeKeys());
    out.writeStringArray(log.attributeValues());
    out.writeStringArray(log.resourceKeys());
    out.writeStringArray(log.resourceValues());
    out.writeString(log.scopeName());
    out.writeString(log.scopeVersion());
  }
}
