package dev.meerkat.dashboard.slo.domain;

import java.time.Instant;
import java.util.Objects;

/** A window {@code [from, to)} to count an SLO's events over. */
public record CountWindow(Instant from, Instant to) {

  public CountWindow {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
