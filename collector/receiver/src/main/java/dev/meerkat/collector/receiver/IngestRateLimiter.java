package dev.meerkat.collector.receiver;

import java.util.function.LongSupplier;

/**
 * A token bucket over ingest requests, shared by every receiver of one collector: {@code
 * requestsPerSecond} on average, up to {@code burst} at once after a quiet spell. Time comes from
 * an injected nanosecond ticker, so tests advance it instead of sleeping.
 */
public final class IngestRateLimiter {

  private static final double NANOS_PER_SECOND = 1e9;

  private final double requestsPerSecond;
  private final double burst;
  private final LongSupplier nanoTime;
  private double available;
  private long refilledAt;

  private IngestRateLimiter(double requestsPerSecond, int burst, LongSupplier nanoTime) {
    this.requestsPerSecond = requestsPerSecond;
    this.burst = burst;
    this.nanoTime = nanoTime;
    this.available = burst;
    this.refilledAt = nanoTime.getAsLong();
  }

  /** A limiter of {@code requestsPerSecond} (0: unlimited) with bursts up to {@code burst}. */
  public static IngestRateLimiter create(
      double requestsPerSecond, int burst, LongSupplier nanoTime) {
    if (requestsPerSecond < 0 || burst < 1) {
      throw new IllegalArgumentException(
          "rate must be >= 0 and burst >= 1, got " + requestsPerSecond + " and " + burst);
    }
    return new IngestRateLimiter(requestsPerSecond, burst, nanoTime);
  }

  public static IngestRateLimiter unlimited() {
    return new IngestRateLimiter(0, 1, () -> 0);
  }

  public boolean enabled() {
    return requestsPerSecond > 0;
  }

  /**
   * Takes one request's permit: 0 when granted, otherwise the nanoseconds until the next permit
   * (nothing is taken then).
   */
  public long tryAcquire() {
    return enabled() ? take() : 0;
  }

  private synchronized long take() {
    long now = nanoTime.getAsLong();
    available =
        Math.min(burst, available + (now - refilledAt) * requestsPerSecond / NANOS_PER_SECOND);
    refilledAt = now;
    if (available >= 1) {
      available -= 1;
      return 0;
    }
    return (long) Math.ceil((1 - available) * NANOS_PER_SECOND / requestsPerSecond);
  }
}
