package dev.meerkat.dashboard.testing;

import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.notify.AlertNotification;
import dev.meerkat.store.slo.AlertState;
import java.time.Duration;
import java.time.Instant;

/**
 * Outbox rows for delivery-log tests: a firing SLO notification queued at a given instant, already
 * at a final or in-progress status, so the delivery loop leaves DELIVERED and DEAD ones alone.
 */
public final class OutboxRows {

  private OutboxRows() {}

  /**
   * Row {@code id} (key {@code key-<id>}, alert event {@code event-<id>}) announcing that SLO
   * {@code alert} fired at {@code at}, queued at {@code at} to a channel of {@code kind} without a
   * stored channel.
   */
  public static OutboxEntry row(
      String id,
      String alert,
      Instant at,
      String kind,
      DeliveryStatus status,
      int attempts,
      String lastError) {
    return row(id, alert, at, kind, status, attempts, lastError, at);
  }

  /** The same, with its next attempt due at {@code nextAttemptAt}. */
  public static OutboxEntry row(
      String id,
      String alert,
      Instant at,
      String kind,
      DeliveryStatus status,
      int attempts,
      String lastError,
      Instant nextAttemptAt) {
    AlertNotification notification =
        new AlertNotification(
            AlertState.FIRING,
            "slo-" + id,
            alert,
            "checkout",
            0.999,
            Duration.ofDays(30),
            14.4,
            14.4,
            -0.25,
            at,
            at,
            "http://dashboard.example/slos");
    return new OutboxEntry(
        id,
        "key-" + id,
        "event-" + id,
        kind,
        "http://127.0.0.1:9/hook",
        notification,
        status,
        attempts,
        nextAttemptAt,
        lastError,
        at);
  }
}
