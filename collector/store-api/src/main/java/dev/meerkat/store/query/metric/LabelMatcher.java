package dev.meerkat.store.query.metric;

import java.util.Objects;

/**
 * Selects series by one label: equal to {@code value}, or (when {@code negated}) not equal. A label
 * a series lacks reads as the empty string. The label {@code service.name} is the point's service;
 * {@value #INSTANCE_LABEL} is the point's resource attribute of that name (the instance that sent
 * it), not a point attribute.
 */
public record LabelMatcher(String name, String value, boolean negated) {

  /** The resource attribute that tells the instances of one service apart. */
  public static final String INSTANCE_LABEL = "service.instance.id";

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
