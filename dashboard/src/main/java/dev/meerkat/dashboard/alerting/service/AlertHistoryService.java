package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.DeliveryAttempt;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.security.domain.Audited;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;

/** Alert history (ClickHouse) with how each notification was delivered (relational outbox). */
public class AlertHistoryService {

  private final AlertEventRepository alerts;
  private final Outbox outbox;
  private final Clock clock;

  public AlertHistoryService(AlertEventRepository alerts, Outbox outbox, Clock clock) {
    this.alerts = alerts;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * One page of history, newest first.
   *
   * @param event the state change
   * @param notification its notification; empty when the SLO had no channel
   */
  public record Entry(AlertEvent event, Optional<OutboxEntry> notification) {}

  /** The state changes in {@code [from, to)}, newest first, one page. */
  public List<Entry> history(Instant from, Instant to, int offset, int limit) {
    List<AlertEvent> events = alerts.history(from, to, offset, limit);
    Map<String, OutboxEntry> notifications =
        outbox.byAlertEvent(events.stream().map(AlertEvent::eventId).toList());
    return events.stream()
        .map(e -> new Entry(e, Optional.ofNullable(notifications.get(e.eventId()))))
        .toList();
  }

  public List<DeliveryAttempt> attempts(String outboxId) {
    return outbox.attempts(outboxId);
  }

  /**
   * Queues a dead notification for one more attempt, with the same idempotency key; the delivery
   * worker sends it on its next poll. Returns false when it is not dead (nothing to re-send).
   */
  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "resend", object = "notification")
  public boolean resend(String outboxId) {
    return outbox.resend(outboxId, clock.instant());
  }
}
