package dev.meerkat.dashboard.ui.time;

import java.time.Duration;
import java.time.Instant;

/** A resolved time window: {@code from} inclusive, {@code to} exclusive, {@code from < to}. */
public record Interval(Instant from, Instant to) {

  public Interval {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("from " + from + " is not before to " + to);
    }
  }

  public Duration length() {
    return Duration.between(from, to);
  }
}
