package dev.meerkat.store.clickhouse.write;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.RowBinaryOutput;
import dev.meerkat.store.model.SpanEvent;
import dev.meerkat.store.model.SpanLink;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.write.SpanWriter;
import dev.meerkat.store.write.WriteBatch;
import java.io.IOException;
import java.util.List;
import java.util.UUID;

/**
 * Writes span batches into {@code spans} as streamed RowBinary inserts, exactly once per batch (see
 * TokenedInsert).
 */
public final class ClickHouseSpanWriter implements SpanWriter {

  // Must match the order in which writeSpan writes the values.
  static final List<String> COLUMNS =
      List.of(
          "start_time",
          "start_time_unix_nano",
          "duration_nanos",
          "trace_id",
          "span_id",
          "parent_span_id",
          "trace_state",
          "service_name",
          "span_name",
          "span_kind",
          "status_code",
          "status_message",
          "http_method",
          "http_route",
          "http_status_code",
          "peer_service",
          "sample_rate",
          "attribute_keys",
          "attribute_values",
          "resource_keys",
          "resource_values",
          "scope_name",
          "scope_version",
          "event_time_unix_nanos",
          "event_names",
          "event_attribute_keys",
          "event_attribute_values",
          "link_trace_ids",
          "link_span_ids",
          "link_trace_states",
          "link_attribute_keys",
          "link_attribute_values");

  private final TokenedInsert<SpanRecord> insert;

  private ClickHouseSpanWriter(ClickHouseStore store) {
    this.insert =
        new TokenedInsert<>(
            store,
            "spans",
            "start_time",
            COLUMNS,
            ClickHouseSpanWriter::writeSpan,
            SpanRecord::startTimeEpochSeconds);
  }

  public static ClickHouseSpanWriter create(ClickHouseStore store) {
    return new ClickHouseSpanWriter(store);
  }

  @Override
  public void write(WriteBatch<SpanRecord> batch) {
    insert.insert(batch);
  }

  /** Stores {@code spans} as one batch with a fresh token (for tools and tests; no retry dedup). */
  public void write(List<SpanRecord> spans) {
    write(WriteBatch.single(spans, UUID.randomUUID().toString(), false));
  }

  // Package-private for the collector's benchmarks (same package), which encode through it.
  static void writeSpan(RowBinaryOutput out, SpanRecord span) throws IOException {
    out.writeDateTime(span.startTimeEpochSeconds());
    out.writeUInt64(span.startTimeUnixNano());
    out.writeUInt64(span.durationNanos());
    out.writeString(span.traceId());
    out.writeString(span.spanId());
    out.writeString(span.parentSpanId());
    out.writeString(span.traceState());
    out.writeString(span.serviceName());
    out.writeString(span.spanName());
    out.writeEnum8(span.kind().ordinal());
    out.writeEnum8(span.status().ordinal());
    out.writeString(span.statusMessage());
    out.writeString(span.httpMethod());
    out.writeString(span.httpRoute());
    out.writeUInt16(span.httpStatusCode());
    out.writeString(span.peerService());
    out.writeFloat64(span.sampleRate());
    out.writeStringArray(span.attributeKeys());
    out.writeStringArray(span.attributeValues());
    out.writeStringArray(span.resourceKeys());
    out.writeStringArray(span.resourceValues());
    out.writeString(span.scopeName());
    out.writeString(span.scopeVersion());
    writeEvents(out, span.events());
    writeLinks(out, span.links());
  }

  // One array per event field, element i belonging to event i: the arrays are walked once each.
  private static void writeEvents(RowBinaryOutput out, List<SpanEvent> events) throws IOException {
    int count = events.size();
    out.writeVarUInt(count);
    for (int i = 0; i < count; i++) {
      out.writeUInt64(events.get(i).timeUnixNano());
    }
    out.writeVarUInt(count);
    for (int i = 0; i < count; i++) {
      out.writeString(events.get(i).name());
    }
    out.writeVarUInt(count);
    for (int i = 0; i < count; i++) {
      out.writeStringArray(events.get(i).attributeKeys());
    }
    out.writeVarUInt(count);
    for (int i = 0; i < count; i++) {
      out.writeStringArray(events.get(i).attributeValues());
    }
  }

  private static void writeLinks(RowBinaryOutput out, List<SpanLink> links) throws IOException {
    int count = links.size();
    out.writeVarUInt(count);
    for (int i = 0; i < count; i++) {
      out.writeString(links.get(i).traceId());
    }
    out.writeVarUInt(count);
    for (int i = 0; i < count; i++) {
      out.writeString(links.get(i).spanId());
    }
    out.writeVarUInt(count);
    for (int i = 0; i < count; i++) {
      out.writeString(links.get(i).traceState());
    }
    out.writeVarUInt(count);
    for (int i = 0; i < count; i++) {
      out.writeStringArray(links.get(i).attributeKeys());
    }
    out.writeVarUInt(count);
    for (int i = 0; i < count; i++) {
      out.writeStringArray(links.get(i).attributeValues());
    }
  }
}
