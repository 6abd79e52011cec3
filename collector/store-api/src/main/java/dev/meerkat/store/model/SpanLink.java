package dev.meerkat.store.model;

import java.util.List;

/**
 * A link from a span to a span of another (or the same) trace, stored as element {@code i} of the
 * {@code link_*} arrays of its span's row. Ids are lower-case hex.
 */
public record SpanLink(
    String traceId,
    String spanId,
    String traceState,
    List<String> attributeKeys,
    List<String> attributeValues) {

  public SpanLink {
    if (attributeKeys.size() != attributeValues.size()) {
      throw new IllegalArgumentException("attribute keys and values differ in length");
    }
  }
}
