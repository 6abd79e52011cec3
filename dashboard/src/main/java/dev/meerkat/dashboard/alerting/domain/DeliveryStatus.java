package dev.meerkat.dashboard.alerting.domain;

/**
 * Where a notification in the outbox stands; stored by name (a CHECK constraint lists them) and
 * shown as is. Also the outcome recorded for each delivery attempt (the status it led to).
 *
 * <ul>
 *   <li>{@link #PENDING}: written with the state change, not attempted yet.
 *   <li>{@link #RETRYING}: an attempt failed with a retryable error (5xx, 429, no connection); the
 *       next one is due at the row's next attempt time.
 *   <li>{@link #DELIVERED}: the receiver answered 2xx. Final.
 *   <li>{@link #DEAD}: dead letter: the last allowed attempt failed, or the receiver rejected the
 *       notification permanently (4xx other than 429). Final until re-sent by hand.
 * </ul>
 */
public enum DeliveryStatus {
  PENDING,
  RETRYING,
  DELIVERED,
  DEAD;

  /** Whether the delivery worker still has work to do for a notification in this status. */
  public boolean isOpen() {
    return this == PENDING || this == RETRYING;
  }
}
