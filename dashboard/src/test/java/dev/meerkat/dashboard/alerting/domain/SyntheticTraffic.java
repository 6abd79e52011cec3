package dev.meerkat.dashboard.alerting.domain;

import dev.meerkat.dashboard.slo.domain.EventCountSource;
import dev.meerkat.dashboard.slo.domain.EventCounts;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic, sample-rate-weighted traffic for the evaluator: piecewise-constant request rates and
 * error ratios over time, counted exactly over any window (the integral of the rate), as the
 * rollups would count them at infinitely fine resolution. The input of the unit under test, not a
 * stand-in for storage.
 */
final class SyntheticTraffic implements EventCountSource {

  private record Segment(Instant from, Instant to, double requestsPerSecond, double errorRatio) {}

  private final List<Segment> segments = new ArrayList<>();

  /** {@code requestsPerSecond} requests, {@code errorRatio} of them bad, over [from, to). */
  SyntheticTraffic add(Instant from, Instant to, double requestsPerSecond, double errorRatio) {
    segments.add(new Segment(from, to, requestsPerSecond, errorRatio));
    return this;
  }

  SyntheticTraffic add(Instant from, Duration length, double requestsPerSecond, double errorRatio) {
    return add(from, from.plus(length), requestsPerSecond, errorRatio);
  }

  @Override
  public EventCounts count(ServiceLevelObjective slo, Instant from, Instant to) {
    double total = 0;
    double bad = 0;
    for (Segment segment : segments) {
      Instant start = from.isAfter(segment.from()) ? from : segment.from();
      Instant end = to.isBefore(segment.to()) ? to : segment.to();
      if (end.isAfter(start)) {
        double seconds = Duration.between(start, end).toMillis() / 1000.0;
        total += segment.requestsPerSecond() * seconds;
        bad += segment.requestsPerSecond() * seconds * segment.errorRatio();
      }
    }
    return new EventCounts(total, bad);
  }
}
