package dev.meerkat.collector.receiver;

import dev.meerkat.store.model.LogRecord;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecordOrBuilder;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an OTLP logs export to {@link LogRecord}s, rejecting records whose trace or span id has a
 * wrong length (an absent id is fine: most logs are not correlated with a span).
 */
final class OtlpLogMapper {

  private OtlpLogMapper() {}

  /** The records that could be mapped, how many were rejected, and why the first one was. */
  record Result(List<LogRecord> logs, int rejected, String firstRejection) {}

  /**
   * @param receivedUnixNano the time of a record that carries neither time nor observed time
   */
  static Result map(
      ExportLogsServiceRequest request, IngestLimiter limiter, long receivedUnixNano) {
    List<LogRecord> logs = new ArrayList<>();
    int rejected = 0;
    String firstRejection = "";
    for (ResourceLogs resourceLogs : request.getResourceLogsList()) {
      List<KeyValue> resource = resourceLogs.getResource().getAttributesList();
      String service = OtlpAttributes.string(resource, "service.name");
      service = service.isEmpty() ? OtlpSpanMapper.UNKNOWN_SERVICE : service;
      KeyValues resourceAttributes = limiter.attributes(resource, Truncation.RESOURCE_ATTRIBUTES);
      for (ScopeLogs scopeLogs : resourceLogs.getScopeLogsList()) {
        String scopeName = scopeLogs.getScope().getName();
        String scopeVersion = scopeLogs.getScope().getVersion();
        for (LogRecordOrBuilder log : scopeLogs.getLogRecordsOrBuilderList()) {
          String problem = validate(log);
          if (problem != null) {
            rejected++;
            firstRejection = firstRejection.isEmpty() ? problem : firstRejection;
            continue;
          }
          KeyValues attributes = limiter.attributes(log.getAttributesList(), Truncation.ATTRIBUTES);
          long time = log.getTimeUnixNano();
          long observed = log.getObservedTimeUnixNano();
          logs.add(
              new LogRecord(
                  time != 0 ? time : observed != 0 ? observed : receivedUnixNano,
                  observed,
                  Math.clamp(log.getSeverityNumberValue(), 0, 255),
                  log.getSeverityText(),
                  OtlpAnyValueJson.body(log.getBody()),
                  OtlpAttributes.hex(log.getTraceId()),
                  OtlpAttributes.hex(log.getSpanId()),
                  log.getFlags(),
                  log.getEventName(),
                  service,
                  attributes.keys(),
                  attributes.values(),
                  resourceAttributes.keys(),
                  resourceAttributes.values(),
                  scopeName,
                  scopeVersion));
        }
      }
    }
    return new Result(logs, rejected, firstRejection);
  }

  private static String validate(LogRecordOrBuilder log) {
    int traceId = log.getTraceId().size();
    if (traceId != 0 && traceId != 16) {
      return "log record has a trace_id of " + traceId + " bytes, expected 16 or none";
    }
    int spanId = log.getSpanId().size();
    if (spanId != 0 && spanId != 8) {
      return "log record has a span_id of " + spanId + " bytes, expected 8 or none";
    }
    return null;
  }
}
