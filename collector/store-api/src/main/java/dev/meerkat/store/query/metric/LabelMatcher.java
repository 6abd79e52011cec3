package dev.meerkat.store.query.metric;

import java.util.Objects;

/**
 * Selects series by one label: equal to {@code value}, or (when {@code negated}) not equal. A label
 * a series lacks reads as the empty string. The label {@code service.name} is the point's service.
 */
public record LabelMatcher(String name, String value, boolean negated) {

  public LabelMatcher {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("label matcher name is empty");
    }
  }

  public static LabelMatcher equal(String name, String value) {
    return new LabelMatcher(name, value, false);
  }

  public static LabelMatcher notEqual(String name, String value) {
    return new LabelMatcher(name, value, true);
  }
}
