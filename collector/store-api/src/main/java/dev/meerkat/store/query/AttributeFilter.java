package dev.meerkat.store.query;

import java.util.Objects;

/**
 * Matches a span whose span attributes or resource attributes hold {@code key} with exactly {@code
 * value}.
 */
public record AttributeFilter(String key, String value) {

  public AttributeFilter {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("attribute filter key is empty");
    }
  }
}
