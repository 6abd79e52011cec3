package dev.meerkat.dashboard.alerting.domain;

import java.time.Duration;
import java.util.Optional;

/**
 * When the outbox tries a notification again: attempt n (1-based) that failed with a retryable
 * error is followed, after {@code min(maxBackoff, initialBackoff * 2^(n-1))}, by attempt n + 1; a
 * receiver's {@code Retry-After} replaces that delay, capped at {@code maxRetryAfter}. After {@code
 * maxAttempts} attempts the notification is dead.
 *
 * @param maxAttempts attempts in total, >= 1
 * @param initialBackoff delay after the first failed attempt
 * @param maxBackoff largest exponential delay
 * @param maxRetryAfter largest delay a receiver may ask for
 */
public record RetrySchedule(
    int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

  public RetrySchedule {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be >= 1, was " + maxAttempts);
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("need 0 <= initialBackoff <= maxBackoff");
    }
    if (maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException("maxRetryAfter must be >= 0");
    }
  }

  /** Whether {@code attempts} failed attempts use up the schedule. */
  public boolean exhaustedAfter(int attempts) {
    return attempts >= maxAttempts;
  }

  /** Delay after failed attempt {@code attempt} (1-based), honouring a requested one. */
  public Duration delayAfter(int attempt, Optional<Duration> requested) {
    if (requested.isPresent()) {
      Duration wanted = requested.get().isNegative() ? Duration.ZERO : requested.get();
      return wanted.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wanted;
    }
    long factor = 1L << Math.min(30, Math.max(0, attempt - 1));
    Duration backoff = initialBackoff.multipliedBy(factor);
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }
}
