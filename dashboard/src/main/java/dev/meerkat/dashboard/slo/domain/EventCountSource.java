package dev.meerkat.dashboard.slo.domain;

import java.time.Instant;

/**
 * Where SLI events come from: the good/bad counts of one SLO's indicator over {@code [from, to)}.
 * Implemented over the sample-rate-weighted RED rollups with {@link Indicator#count}; tests use
 * synthetic traffic.
 */
@FunctionalInterface
public interface EventCountSource {

  EventCounts count(ServiceLevelObjective slo, Instant from, Instant to);
}
