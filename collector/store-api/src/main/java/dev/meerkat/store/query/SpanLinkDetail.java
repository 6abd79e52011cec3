package dev.meerkat.store.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A link from a span to another span, of this trace or another one (a batch consumer links the
 * messages it processed, a retry links the first attempt).
 *
 * @param traceId hex trace id of the linked span
 * @param spanId hex span id of the linked span
 * @param traceState W3C trace state sent with the link, usually empty
 * @param attributes link attributes, in recorded order
 */
public record SpanLinkDetail(
    String traceId, String spanId, String traceState, Map<String, String> attributes) {

  public SpanLinkDetail {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(traceState, "traceState");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }
}
