package dev.meerkat.dashboard.slo.domain;

import java.time.Instant;
import java.util.Objects;

/** The events of one SLO over {@code [from, to)}: what {@link EventCountSource} counts. */
public record EventWindow(ServiceLevelObjective slo, Instant from, Instant to) {

  public EventWindow {
    Objects.requireNonNull(slo, "slo");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
