package dev.meerkat.store.query.metric;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Series of one gauge or sum metric in [from, to), per {@code step}: steps start at multiples of
 * {@code step} since the epoch.
 *
 * @param metric metric name
 * @param matchers label matchers, all must hold
 * @param from window start, inclusive
 * @param to window end, exclusive
 * @param step step length, whole seconds, at least one second
 * @param aggregation how the points in a step are combined
 */
public record MetricSeriesQuery(
    String metric,
    List<LabelMatcher> matchers,
    Instant from,
    Instant to,
    Duration step,
    StepAggregation aggregation) {

  public MetricSeriesQuery {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(aggregation, "aggregation");
    matchers = List.copyOf(matchers);
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("empty time range: " + from + " to " + to);
    }
    if (step.toSeconds() < 1 || step.toNanos() % 1_000_000_000L != 0) {
      throw new IllegalArgumentException("step must be whole seconds, at least 1: " + step);
    }
  }
}
