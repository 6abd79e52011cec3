package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.DeliveryAttempt;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The notification outbox as the delivery worker and the views see it. */
public interface Outbox {

  /**
   * Writes one new notification (e.g. a channel's test notification); joins the caller's
   * transaction when there is one.
   */
  void enqueue(OutboxEntry entry);

  /**
   * When the open group with this key is to be sent: the due time of its rows not attempted yet;
   * empty when there is none (a new group starts).
   */
  Optional<Instant> groupSendTime(String groupKey);

  /**
   * The delivery log: notifications created in {@code [from, to)}, newest first (ties by id), one
   * page.
   */
  List<OutboxEntry> recent(Instant from, Instant to, int offset, int limit);

  /** Open notifications (PENDING or RETRYING) due at {@code now}, oldest first, at most limit. */
  List<OutboxEntry> due(Instant now, int limit);

  /**
   * In ONE transaction: records the attempt and moves the notification to the attempt's outcome
   * (next attempt at {@code nextAttemptAt} when RETRYING). Returns false and writes nothing when
   * the notification is no longer at {@code attempt.attempt() - 1} attempts (recorded elsewhere).
   */
  boolean recordAttempt(DeliveryAttempt attempt, Instant nextAttemptAt);

  Optional<OutboxEntry> find(String id);

  /**
   * Makes a DEAD notification due again at {@code now}, with its idempotency key and attempt count
   * unchanged (so a re-send is one more attempt). Returns false when it is not DEAD.
   */
  boolean resend(String id, Instant now);

  /** Every attempt of one notification, in order. */
  List<DeliveryAttempt> attempts(String outboxId);

  /** The notifications announcing the given alert events, by alert event id. */
  Map<String, OutboxEntry> byAlertEvent(Collection<String> alertEventIds);
}
