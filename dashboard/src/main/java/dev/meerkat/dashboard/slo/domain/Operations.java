package dev.meerkat.dashboard.slo.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** Validation of the operation (span name) selection shared by the indicators. */
final class Operations {

  static final String BLANK_MESSAGE = "operations must not contain blank names";

  private Operations() {}

  /**
   * An immutable copy sorted by name, so exports are the same whatever order the names came in;
   * rejects null and blank names.
   */
  static Set<String> validated(Collection<String> operations) {
    if (operations == null) {
      return Set.of();
    }
    Set<String> copy = new TreeSet<>();
    for (String operation : operations) {
      if (operation == null || operation.isBlank()) {
        throw new IllegalArgumentException(BLANK_MESSAGE);
      }
      copy.add(operation.strip());
    }
    return Collections.unmodifiableSet(copy);
  }
}
