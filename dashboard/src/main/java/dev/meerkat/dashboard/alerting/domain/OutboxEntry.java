package dev.meerkat.dashboard.alerting.domain;

import dev.meerkat.notify.AlertNotification;
import java.time.Instant;
import java.util.Locale;
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
 * @param channelId the stored channel it goes to (the worker builds its notifier from it), empty
 *     for rows that carry their own endpoint (SLO webhook URLs from before channels existed)
 * @param test a "send test notification" row, not an alert
 * @param groupKey rows with the same key due together are sent as one payload (grouping), empty for
 *     a row sent on its own
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
    Instant createdAt,
    String channelId,
    boolean test,
    String groupKey) {

  public static final String WEBHOOK = "webhook";

  /** A row with its own endpoint and no stored channel. */
  public OutboxEntry(
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
    this(
        id,
        idempotencyKey,
        alertEventId,
        channel,
        endpoint,
        notification,
        status,
        attempts,
        nextAttemptAt,
        lastError,
        createdAt,
        "",
        false,
        "");
  }

  public OutboxEntry {
    groupKey = groupKey == null ? "" : groupKey;
    channelId = channelId == null ? "" : channelId;
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

  /**
   * A new notification to a stored channel, due at once. Its key is the notification's key plus
   * {@code @<channel id>}, so one alert routed to several channels gives one row each; the receiver
   * still gets the notification's own key (the part before {@code @}).
   */
  public static OutboxEntry toChannel(
      String id,
      String alertEventId,
      Channel channel,
      AlertNotification notification,
      Instant now,
      boolean test) {
    return new OutboxEntry(
        id,
        notification.idempotencyKey() + "@" + channel.id(),
        alertEventId,
        channel.kind().name().toLowerCase(Locale.ROOT),
        channel.maskedEndpoint(),
        notification,
        DeliveryStatus.PENDING,
        0,
        now,
        "",
        now,
        channel.id(),
        test,
        "");
  }

  /** The same row in a group, due at {@code due} (the group's send time). */
  public OutboxEntry inGroup(String key, Instant due) {
    return new OutboxEntry(
        id,
        idempotencyKey,
        alertEventId,
        channel,
        endpoint,
        notification,
        status,
        attempts,
        due,
        lastError,
        createdAt,
        channelId,
        test,
        key);
  }

  /** The same row under another outbox key (which must still start with the payload's key). */
  public OutboxEntry withIdempotencyKey(String key) {
    return new OutboxEntry(
        id,
        key,
        alertEventId,
        channel,
        endpoint,
        notification,
        status,
        attempts,
        nextAttemptAt,
        lastError,
        createdAt,
        channelId,
        test,
        groupKey);
  }

  /** Whether the stored key is the one this row's payload announces (alone or per channel). */
  public boolean keyMatchesPayload() {
    String key = notification.idempotencyKey();
    return idempotencyKey.equals(key) || idempotencyKey.startsWith(key + "@");
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
        + (channelId.isEmpty() ? "" : ", channelId=" + channelId)
        + (test ? ", test" : "")
        + "]";
  }
}
