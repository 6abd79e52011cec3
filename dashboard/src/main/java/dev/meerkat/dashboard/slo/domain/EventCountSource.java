package dev.meerkat.dashboard.slo.domain;

import java.time.Instant;
import java.util.List;

/**
 * Where SLI events come from: the good/bad counts of one SLO's indicator over {@code [from, to)}.
 * Implemented over the sample-rate-weighted RED rollups with {@link Indicator#count}; tests use
 * synthetic traffic.
 */
@FunctionalInterface
public interface EventCountSource {

  EventCounts count(ServiceLevelObjective slo, Instant from, Instant to);

  /**
   * {@link #count} over each window, in the order given. A reading counts each SLO's period and
   * every {@link BurnWindow}, a history every step: a source that reads them at once overrides
   * this.
   */
  default List<EventCounts> countEach(List<EventWindow> windows) {
    return windows.stream().map(window -> count(window.slo(), window.from(), window.to())).toList();
  }
}
