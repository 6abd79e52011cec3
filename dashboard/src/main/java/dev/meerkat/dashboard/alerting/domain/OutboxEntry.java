package dev.meerkat.dashboard.alerting.domain;

import dev.meerkat.notify.AlertNotification;
import java.time.Instant;
import java.util.Objects;

/**
 * One notification in the outbox.
 *
 * @param id outbox id
 * @param idempotencyKey fixed when the row is written; sent with every attempt
 * @param alertEventId the alert history event it announces
 * @param channel kind of channel, e.g. {@code webhook}
 * @param endpoint where it goes; may carry a secret token, so never logged nor shown
 * @param notification what is sent
 * @param status where delivery stands
 * @param attempts attempts recorded so far
 * @param nextAttemptAt when the next attempt is due (meaningless once final)
 * @param lastError short reason of the last failed attempt, empty when none
 * @param createdAt when the state change was recorded
 */
public record OutboxEntry(
    String id,
    String idempotencyKey,
    String alertEventId,
    String channel,
    String endpoint,
    AlertNotification notification,
    DeliveryStatus status,
    int attempts,
    Instant nextAttemptAt,
    String lastError,
    Instant createdAt) {

  public static final String WEBHOOK = "webhook";

  public OutboxEntry {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(alertEventId, "alertEventId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    Objects.requireNonNull(createdAt, "createdAt");
    lastError = lastError == null ? "" : lastError;
  }

  /** A new, not yet attempted notification, due at once. */
  public static OutboxEntry pending(
      String id,
      String alertEventId,
      String endpoint,
      AlertNotification notification,
      Instant now) {
    return new OutboxEntry(
        id,
        notification.idempotencyKey(),
        alertEventId,
        WEBHOOK,
        endpoint,
        notification,
        DeliveryStatus.PENDING,
        0,
        now,
        "",
        now);
  }

  /** Without the endpoint: it may carry a secret. */
  @Override
  public String toString() {
    return "OutboxEntry[id="
        + id
        + ", key="
        + idempotencyKey
        + ", channel="
        + channel
        + ", status="
        + status
        + ", attempts="
        + attempts
        + "]";
  }
}
