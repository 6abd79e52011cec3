package dev.meerkat.store.query;

import java.time.Instant;
import java.util.Objects;

/** The half-open time range {@code [from, to)}. */
public record TimeRange(Instant from, Instant to) {

  public TimeRange {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
