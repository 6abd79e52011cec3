package dev.meerkat.collector.receiver;

import dev.meerkat.store.model.SpanEvent;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanLink;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an OTLP trace export to {@link SpanRecord}s with their events and links, rejecting spans
 * without valid ids and applying the {@link IngestLimiter}'s limits.
 */
final class OtlpSpanMapper {

  static final String UNKNOWN_SERVICE = "unknown_service";
  private static final SpanKind[] KINDS = SpanKind.values();
  private static final SpanStatus[] STATUSES = SpanStatus.values();

  private OtlpSpanMapper() {}

  /** The spans that could be mapped, how many were rejected, and why the first one was. */
  record Result(List<SpanRecord> spans, int rejected, String firstRejection) {}

  static Result map(ExportTraceServiceRequest request, IngestLimiter limiter) {
    List<SpanRecord> spans = new ArrayList<>();
    int rejected = 0;
    String firstRejection = "";
    for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
      List<KeyValue> resource = resourceSpans.getResource().getAttributesList();
      String service = OtlpAttributes.string(resource, "service.name");
      service = service.isEmpty() ? UNKNOWN_SERVICE : service;
      KeyValues resourceAttributes = limiter.attributes(resource, Truncation.RESOURCE_ATTRIBUTES);
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
          spans.add(toRecord(span, limiter, service, resourceAttributes, scopeName, scopeVersion));
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
      IngestLimiter limiter,
      String service,
      KeyValues resource,
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
    KeyValues kept = limiter.attributes(attributes, Truncation.ATTRIBUTES);
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
        kept.keys(),
        kept.values(),
        resource.keys(),
        resource.values(),
        scopeName,
        scopeVersion,
        events(span.getEventsList(), limiter),
        links(span.getLinksList(), limiter));
  }

  private static List<SpanEvent> events(List<Span.Event> events, IngestLimiter limiter) {
    int kept = limiter.keep(events.size(), limiter.limits().maxEventsPerSpan(), Truncation.EVENTS);
    if (kept == 0) {
      return List.of();
    }
    List<SpanEvent> records = new ArrayList<>(kept);
    for (int i = 0; i < kept; i++) {
      Span.Event event = events.get(i);
      KeyValues attributes =
          limiter.attributes(event.getAttributesList(), Truncation.EVENT_ATTRIBUTES);
      records.add(
          new SpanEvent(
              event.getTimeUnixNano(), event.getName(), attributes.keys(), attributes.values()));
    }
    return records;
  }

  private static List<SpanLink> links(List<Span.Link> links, IngestLimiter limiter) {
    int kept = limiter.keep(links.size(), limiter.limits().maxLinksPerSpan(), Truncation.LINKS);
    if (kept == 0) {
      return List.of();
    }
    List<SpanLink> records = new ArrayList<>(kept);
    for (int i = 0; i < kept; i++) {
      Span.Link link = links.get(i);
      KeyValues attributes =
          limiter.attributes(link.getAttributesList(), Truncation.LINK_ATTRIBUTES);
      records.add(
          new SpanLink(
              OtlpAttributes.hex(link.getTraceId()),
              OtlpAttributes.hex(link.getSpanId()),
              link.getTraceState(),
              attributes.keys(),
              attributes.values()));
    }
    return records;
  }
}
