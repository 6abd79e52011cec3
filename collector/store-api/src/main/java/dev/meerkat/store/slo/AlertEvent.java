package dev.meerkat.store.slo;

import java.time.Instant;
import java.util.Objects;

/**
 * One state change of an SLO alert and the outcome of notifying it.
 *
 * @param eventId unique id of the event
 * @param sloId SLO the alert belongs to
 * @param sloName SLO name at the time of the event
 * @param service service of the SLO
 * @param state state the alert changed to
 * @param eventTime when it changed (second precision in storage)
 * @param burnRate burn rate that caused the change
 * @param threshold burn-rate threshold at the time
 * @param deliveryStatus e.g. delivered, rejected, gave-up, no-channel
 * @param deliveryAttempts requests sent to deliver the notification
 * @param deliveryDetail short explanation of the delivery outcome
 */
public record AlertEvent(
    String eventId,
    String sloId,
    String sloName,
    String service,
    AlertEventState state,
    Instant eventTime,
    double burnRate,
    double threshold,
    String deliveryStatus,
    int deliveryAttempts,
    String deliveryDetail) {

  public AlertEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(sloId, "sloId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(deliveryStatus, "deliveryStatus");
    sloName = sloName == null ? "" : sloName;
    service = service == null ? "" : service;
    deliveryDetail = deliveryDetail == null ? "" : deliveryDetail;
    if (deliveryAttempts < 0 || deliveryAttempts > 255) {
      throw new IllegalArgumentException("deliveryAttempts must be in [0, 255]");
    }
  }

  public boolean isFiring() {
    return state == AlertEventState.FIRING;
  }
}
