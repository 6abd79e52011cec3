package dev.meerkat.dashboard.slo.domain;

import java.time.Duration;
import java.util.Set;

/**
 * Latency SLI: the share of requests that took at most {@code threshold}, whatever their status
 * (failures are the availability SLI's business).
 *
 * <p>The rollups only know a request's latency bucket: bucket b holds durations in [2^(b/4),
 * 2^((b+1)/4)) microseconds. A bucket counts as good only when all of it lies at or under the
 * threshold (its exclusive upper bound is <= the threshold); a bucket the threshold falls inside
 * counts as bad. So the reported SLI never overstates: it may understate by the requests of one
 * bucket, which spans 19 % of latency. Choosing a threshold on a bucket bound, 2^(k/4) µs (for
 * example 256 µs, or 2^(40/4) = 1.024 ms), makes the SLI exact.
 *
 * @param threshold longest duration still good, > 0
 * @param operations span names covered; empty for the whole service
 */
public record LatencyIndicator(Duration threshold, Set<String> operations) implements Indicator {

  public static final String THRESHOLD_MESSAGE = "latency threshold must be greater than 0";

  public LatencyIndicator {
    if (threshold == null || threshold.isNegative() || threshold.isZero()) {
      throw new IllegalArgumentException(THRESHOLD_MESSAGE);
    }
    operations = Operations.validated(operations);
  }

  /** The first bucket that is not entirely at or under the threshold: it and all above are bad. */
  public int firstBadBucket() {
    double thresholdMicros = threshold.toNanos() / 1000.0;
    int bucket = 0;
    while (upperBoundMicros(bucket) <= thresholdMicros) {
      bucket++;
    }
    return bucket;
  }

  /** Exclusive upper bound of bucket {@code b}: 2^((b+1)/4) microseconds. */
  static double upperBoundMicros(int bucket) {
    return Math.pow(2, (bucket + 1) / 4.0);
  }

  @Override
  public boolean isBad(RollupCell cell) {
    return cell.latencyBucket() >= firstBadBucket();
  }

  @Override
  public EventCounts count(Iterable<RollupCell> cells) {
    int firstBad = firstBadBucket(); // once, not per cell
    double total = 0;
    double bad = 0;
    for (RollupCell cell : cells) {
      if (covers(cell.operation())) {
        total += cell.requests();
        bad += cell.latencyBucket() >= firstBad ? cell.requests() : 0;
      }
    }
    return new EventCounts(total, bad);
  }

  @Override
  public String kind() {
    return "latency";
  }
}
