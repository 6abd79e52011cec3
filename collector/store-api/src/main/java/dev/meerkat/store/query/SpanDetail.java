package dev.meerkat.store.query;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One span of a trace with everything the trace view shows.
 *
 * @param traceId hex trace id
 * @param spanId hex span id
 * @param parentSpanId hex parent id, empty for a root span
 * @param service service that recorded the span
 * @param name span name
 * @param kind span kind
 * @param start start, nanosecond precision
 * @param durationNanos duration
 * @param status UNSET, OK or ERROR
 * @param statusMessage status description, may be empty
 * @param attributes span attributes, in recorded order
 * @param resource resource attributes, in recorded order
 * @param events the span's events in recorded order
 * @param links the span's links in recorded order
 */
public record SpanDetail(
    String traceId,
    String spanId,
    String parentSpanId,
    String service,
    String name,
    String kind,
    Instant start,
    long durationNanos,
    String status,
    String statusMessage,
    Map<String, String> attributes,
    Map<String, String> resource,
    List<SpanEventDetail> events,
    List<SpanLinkDetail> links) {

  public SpanDetail {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    resource = Collections.unmodifiableMap(new LinkedHashMap<>(resource));
    events = List.copyOf(events);
    links = List.copyOf(links);
  }

  /** A span without events or links. */
  public SpanDetail(
      String traceId,
      String spanId,
      String parentSpanId,
      String service,
      String name,
      String kind,
      Instant start,
      long durationNanos,
      String status,
      String statusMessage,
      Map<String, String> attributes,
      Map<String, String> resource) {
    this(
        traceId,
        spanId,
        parentSpanId,
        service,
        name,
        kind,
        start,
        durationNanos,
        status,
        statusMessage,
        attributes,
        resource,
        List.of(),
        List.of());
  }

  /** This span with {@code events} and {@code links} in place of its own. */
  public SpanDetail withEventsAndLinks(List<SpanEventDetail> events, List<SpanLinkDetail> links) {
    return new SpanDetail(
        traceId,
        spanId,
        parentSpanId,
        service,
        name,
        kind,
        start,
        durationNanos,
        status,
        statusMessage,
        attributes,
        resource,
        events,
        links);
  }

  public boolean isError() {
    return "ERROR".equals(status);
  }

  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }
}
