package dev.meerkat.notify;

/**
 * Outcome of delivering one notification.
 *
 * @param status what happened
 * @param attempts number of requests sent (0 when none could be sent)
 * @param detail short human-readable explanation, never containing secrets
 */
public record DeliveryResult(Status status, int attempts, String detail) {

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
}
