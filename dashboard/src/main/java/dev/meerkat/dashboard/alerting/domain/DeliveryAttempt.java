package dev.meerkat.dashboard.alerting.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One delivery attempt of an outbox notification, as the delivery log shows it.
 *
 * @param outboxId the notification
 * @param attempt 1-based attempt number
 * @param attemptedAt when it was sent
 * @param statusCode HTTP status answered, 0 when there was no answer
 * @param latency time until the answer (or the failure)
 * @param outcome the status the notification moved to: DELIVERED, RETRYING or DEAD
 * @param error short reason when it failed, empty otherwise; never contains a secret
 */
public record DeliveryAttempt(
    String outboxId,
    int attempt,
    Instant attemptedAt,
    int statusCode,
    Duration latency,
    DeliveryStatus outcome,
    String error) {

  public DeliveryAttempt {
    Objects.requireNonNull(outboxId, "outboxId");
    Objects.requireNonNull(attemptedAt, "attemptedAt");
    Objects.requireNonNull(latency, "latency");
    Objects.requireNonNull(outcome, "outcome");
    if (outcome == DeliveryStatus.PENDING) {
      throw new IllegalArgumentException("an attempt ends DELIVERED, RETRYING or DEAD");
    }
    error = error == null ? "" : error;
  }
}
