package dev.meerkat.dashboard.slo.domain;

import java.util.Set;

/**
 * What an SLO measures: which requests of its service count (all, or only the named operations) and
 * which of them are bad. Counting works on RED rollup cells, which are already
 * sample-rate-weighted, so a span sampled at 1 in 10 counts as 10 requests.
 */
public sealed interface Indicator permits AvailabilityIndicator, LatencyIndicator {

  /** Span names the SLI covers; empty for every request of the service. */
  Set<String> operations();

  /** Whether a request in this cell is bad. */
  boolean isBad(RollupCell cell);

  /** Short kind name used in YAML and OpenSLO: {@code availability} or {@code latency}. */
  String kind();

  /** Good and bad events among the cells this indicator covers. */
  default EventCounts count(Iterable<RollupCell> cells) {
    double total = 0;
    double bad = 0;
    for (RollupCell cell : cells) {
      if (covers(cell.operation())) {
        total += cell.requests();
        bad += isBad(cell) ? cell.requests() : 0;
      }
    }
    return new EventCounts(total, bad);
  }

  default boolean covers(String operation) {
    return operations().isEmpty() || operations().contains(operation);
  }
}
