package dev.meerkat.notify;

import java.time.Duration;
import java.util.Optional;

/**
 * Outcome of delivering one notification.
 *
 * @param status what happened
 * @param attempts number of requests sent (0 when none could be sent)
 * @param detail short human-readable explanation, never containing secrets
 * @param statusCode HTTP status of the last response, 0 when none was received
 * @param retryAfter the delay the receiver asked for with {@code Retry-After} on the last response
 *     (capped by the retry policy), null when it asked for none; the outbox's delivery worker
 *     schedules its next attempt by it
 */
public record DeliveryResult(
    Status status, int attempts, String detail, int statusCode, Duration retryAfter) {

  /**
   * A result without a response status or Retry-After (no response, or a channel that has none).
   */
  public DeliveryResult(Status status, int attempts, String detail) {
    this(status, attempts, detail, 0, null);
  }

  /** Delivery outcome. */
  public enum Status {
    /** The receiver answered 2xx. */
    DELIVERED,
    /** The receiver rejected the notification (4xx other than 429), or the target is invalid. */
    REJECTED,
    /** Every attempt failed with a retryable error; retries are exhausted. */
    GAVE_UP
  }

  public boolean delivered() {
    return status == Status.DELIVERED;
  }

  public Optional<Duration> requestedDelay() {
    return Optional.ofNullable(retryAfter);
  }
}
