package dev.meerkat.store.query;

import java.time.Instant;
import java.util.Objects;

/** One service's time range {@code [from, to)}. */
public record ServiceRange(String service, Instant from, Instant to) {

  public ServiceRange {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
  }
}
