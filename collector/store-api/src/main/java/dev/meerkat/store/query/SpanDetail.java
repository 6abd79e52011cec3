package dev.meerkat.store.query;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One span of a trace with everything the trace view shows.
 *
 * <p>Span events and links will be added as further components; this constructor will stay as an
 * overload giving them empty lists, so callers that build a {@code SpanDetail} keep compiling.
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
    Map<String, String> resource) {

  public SpanDetail {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    resource = Collections.unmodifiableMap(new LinkedHashMap<>(resource));
  }

  public boolean isError() {
    return "ERROR".equals(status);
  }

  public boolean isRoot() {
    return parentSpanId.isEmpty();
  }
}
