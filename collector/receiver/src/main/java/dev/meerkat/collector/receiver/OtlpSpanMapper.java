package dev.meerkat.collector.receiver;

import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.List;

/** Maps an OTLP trace export to {@link SpanRecord}s, rejecting spans without valid ids. */
final class OtlpSpanMapper {

  static final String UNKNOWN_SERVICE = "unknown_service";
  private static final SpanKind[] KINDS = SpanKind.values();
  private static final SpanStatus[] STATUSES = SpanStatus.values();

  private OtlpSpanMapper() {}

  /** The spans that could be mapped, how many were rejected, and why the first one was. */
  record Result(List<SpanRecord> spans, int rejected, String firstRejection) {}

  static Result map(ExportTraceServiceRequest request) {
    List<SpanRecord> spans = new ArrayList<>();
    int rejected = 0;
    String firstRejection = "";
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      List<KeyValue> resource = resourceSpans.getResource().getAttributesList();
      String service = OtlpAttributes.string(resource, "service.name");
      service = service.isEmpty() ? UNKNOWN_SERVICE : service;
      List<String> resourceKeys = OtlpAttributes.keys(resource);
      List<String> resourceValues = OtlpAttributes.values(resource);
      for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
        String scopeName = scopeSpans.getScope().getName();
        String scopeVersion = scopeSpans.getScope().getVersion();
        for (Span span : scopeSpans.getSpansList()) {
          String problem = validate(span);
          if (problem != null) {
            rejected++;
            firstRejection = firstRejection.isEmpty() ? problem : firstRejection;
            continue;
          }
          spans.add(toRecord(span, service, resourceKeys, resourceValues, scopeName, scopeVersion));
        }
      }
    }
    return new Result(spans, rejected, firstRejection);
  }

  private static String validate(Span span) {
    if (span.getTraceId().size() != 16) {
      return "span '"
          + span.getName()
          + "' has a trace_id of "
          + span.getTraceId().size()
          + " bytes, expected 16";
    }
    if (span.getSpanId().size() != 8) {
      return "span '"
          + span.getName()
          + "' has a span_id of "
          + span.getSpanId().size()
          + " bytes, expected 8";
    }
    return null;
  }

  private static SpanRecord toRecord(
      Span span,
      String service,
      List<String> resourceKeys,
      List<String> resourceValues,
      String scopeName,
      String scopeVersion) {
    List<KeyValue> attributes = span.getAttributesList();
    long start = span.getStartTimeUnixNano();
    long duration = Math.max(0, span.getEndTimeUnixNano() - start);
    int kind = span.getKindValue();
    int status = span.getStatus().getCodeValue();
    double statusCode =
        OtlpAttributes.number(
            attributes,
            "http.response.status_code",
            OtlpAttributes.number(attributes, "http.status_code", 0));
    double sampleRate =
        OtlpAttributes.number(
            attributes, "SampleRate", OtlpAttributes.number(attributes, "sampling.rate", 1.0));
    return new SpanRecord(
        start,
        duration,
        OtlpAttributes.hex(span.getTraceId()),
        OtlpAttributes.hex(span.getSpanId()),
        OtlpAttributes.hex(span.getParentSpanId()),
        span.getTraceState(),
        service,
        span.getName(),
        kind >= 0 && kind < KINDS.length ? KINDS[kind] : SpanKind.UNSPECIFIED,
        status >= 0 && status < STATUSES.length ? STATUSES[status] : SpanStatus.UNSET,
        span.getStatus().getMessage(),
        OtlpAttributes.firstString(attributes, "http.request.method", "http.method"),
        OtlpAttributes.string(attributes, "http.route"),
        statusCode >= 0 && statusCode <= 65535 ? (int) statusCode : 0,
        OtlpAttributes.firstString(attributes, "peer.service", "server.address"),
        sampleRate > 0 ? sampleRate : 1.0,
        OtlpAttributes.keys(attributes),
        OtlpAttributes.values(attributes),
        resourceKeys,
        resourceValues,
        scopeName,
        scopeVersion);
  }
}
