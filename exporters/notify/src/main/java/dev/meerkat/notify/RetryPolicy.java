package dev.meerkat.notify;

import java.time.Duration;

/**
 * Bounded exponential backoff: attempt n (1-based) waits {@code min(maxBackoff, initialBackoff *
 * 2^(n-1))} before the next one, or the receiver's {@code Retry-After} capped at {@code
 * maxRetryAfter}.
 */
public record RetryPolicy(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
    }
  }

  /** 4 attempts, 500 ms doubling up to 8 s, Retry-After honoured up to 60 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
  }

  /** Backoff after the given failed attempt (1-based). */
  Duration backoffAfter(int attempt) {
    long factor = 1L << Math.min(30, attempt - 1);
    Duration backoff = initialBackoff.multipliedBy(factor);
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }
}
