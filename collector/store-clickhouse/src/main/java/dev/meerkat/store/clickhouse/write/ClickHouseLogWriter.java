package dev.meerkat.store.clickhouse.write;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.RowBinaryOutput;
import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.write.LogWriter;
import java.io.IOException;
import java.util.List;

/** Writes log record batches into {@code logs} as one streamed RowBinary insert per batch. */
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

  private final ClickHouseStore store;

  private ClickHouseLogWriter(ClickHouseStore store) {
    this.store = store;
  }

  public static ClickHouseLogWriter create(ClickHouseStore store) {
    return new ClickHouseLogWriter(store);
  }

  @Override
  public void write(List<LogRecord> logs) {
    if (logs.isEmpty()) {
      return;
    }
    store.insertRowBinary(
        "logs",
        COLUMNS,
        out -> {
          for (int i = 0; i < logs.size(); i++) {
            writeLog(out, logs.get(i));
          }
        });
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
