package dev.meerkat.agent.tooling;

import java.util.function.LongSupplier;

/**
 * The probability that keeps root traces near {@code tracesPerSecond}: in each one-second window, p
 * = min(1, limit / roots seen in the previous window). The first window samples everything. The
 * probability is the one the span's weight is computed from, so weighted counts stay unbiased when
 * the traffic changes from one second to the next (the limit, not the weights, is approximate).
 */
final class RateLimitedProbability {
  private static final long WINDOW_NANOS = 1_000_000_000L;

  private final double tracesPerSecond;
  private final LongSupplier nanoTime;
  private long windowStart;
  private long arrivals;
  private double probability = 1.0;

  RateLimitedProbability(double tracesPerSecond, LongSupplier nanoTime) {
    this.tracesPerSecond = tracesPerSecond;
    this.nanoTime = nanoTime;
    this.windowStart = nanoTime.getAsLong();
  }

  double tracesPerSecond() {
    return tracesPerSecond;
  }

  /** Counts one root span and returns the probability it is sampled with. */
  synchronized double nextProbability() {
    long now = nanoTime.getAsLong();
    long elapsed = now - windowStart;
    if (elapsed >= WINDOW_NANOS) {
      // More than one window ago: the window just before this one saw no root at all.
      long previous = elapsed < 2 * WINDOW_NANOS ? arrivals : 0;
      probability = previous <= tracesPerSecond ? 1.0 : tracesPerSecond / previous;
      windowStart = elapsed < 2 * WINDOW_NANOS ? windowStart + WINDOW_NANOS : now;
      arrivals = 0;
    }
    arrivals++;
    return probability;
  }
}
