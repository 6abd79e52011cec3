package dev.meerkat.store.model;

import java.util.List;

/**
 * A timed event inside a span (an exception, a log line, a retry), stored as element {@code i} of
 * the {@code event_*} arrays of its span's row. Attributes are parallel key/value string lists.
 */
public record SpanEvent(
    long timeUnixNano, String name, List<String> attributeKeys, List<String> attributeValues) {

  public SpanEvent {
    if (attributeKeys.size() != attributeValues.size()) {
      throw new IllegalArgumentException("attribute keys and values differ in length");
    }
  }
}
