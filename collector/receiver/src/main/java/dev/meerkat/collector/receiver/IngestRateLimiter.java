package dev.meerkat.collector.receiver;

import java.util.function.LongSupplier;

/**
 * A token bucket over ingest requests, shared by every receiver of one collector: {@code
 * requestsPerSecond} on average, up to {@code burst} at once after a quiet spell. Time comes from
 * an injected nanosecond ticker, so tests advance it instead of sleeping. The bucket counts in
 * billionths of a permit, so the arithmetic is exact.
 */
public final class IngestRateLimiter {

  private static final long PERMIT = 1_000_000_000L;

  private final long requestsPerSecond;
  private final long capacity;
  private final LongSupplier nanoTime;
  private long available;
  private long refilledAt;

  private IngestRateLimiter(int requestsPerSecond, int burst, LongSupplier nanoTime) {
    this.requestsPerSecond = requestsPerSecond;
    this.capacity = burst * PERMIT;
    this.nanoTime = nanoTime;
    this.available = capacity;
    this.refilledAt = nanoTime.getAsLong();
  }

  /** A limiter of {@code requestsPerSecond} (0: unlimited) with bursts up to {@code burst}. */
  public static IngestRateLimiter create(int requestsPerSecond, int burst, LongSupplier nanoTime) {
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
    // Capped before multiplying: a long quiet spell must not overflow the refill.
    long elapsed = Math.min(now - refilledAt, capacity / requestsPerSecond + 1);
    available = Math.min(capacity, available + elapsed * requestsPerSecond);
    refilledAt = now;
    if (available >= PERMIT) {
      available -= PERMIT;
      return 0;
    }
    long missing = PERMIT - available;
    return (missing + requestsPerSecond - 1) / requestsPerSecond;
  }
}
