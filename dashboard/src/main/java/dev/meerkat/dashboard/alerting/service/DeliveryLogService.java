package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.Channel;
import dev.meerkat.dashboard.alerting.domain.DeliveryAttempt;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import dev.meerkat.dashboard.security.domain.Audited;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;

/** The delivery log: notifications, every attempt, re-send, and what was suppressed. */
public class DeliveryLogService {

  private final Outbox outbox;
  private final ChannelRepository channels;
  private final RoutingStore routing;
  private final Clock clock;

  public DeliveryLogService(
      Outbox outbox, ChannelRepository channels, RoutingStore routing, Clock clock) {
    this.outbox = outbox;
    this.channels = channels;
    this.routing = routing;
    this.clock = clock;
  }

  /** One notification with the name of its channel (or its kind for rows without one). */
  public record Row(OutboxEntry notification, String channelName) {}

  /** The notifications created in {@code [from, to)}, newest first, one page. */
  public List<Row> recent(Instant from, Instant to, int offset, int limit) {
    Map<String, String> names =
        channels.list().stream().collect(Collectors.toMap(Channel::id, Channel::name));
    return outbox.recent(from, to, offset, limit).stream()
        .map(
            n ->
                new Row(
                    n,
                    n.channelId().isEmpty()
                        ? n.channel()
                        : names.getOrDefault(n.channelId(), "(deleted channel)")))
        .toList();
  }

  public List<DeliveryAttempt> attempts(String outboxId) {
    return outbox.attempts(outboxId);
  }

  /** Every attempt of one notification, in order; empty when there is no such notification. */
  public Optional<List<DeliveryAttempt>> attemptsOf(String outboxId) {
    return outbox.find(outboxId).map(n -> outbox.attempts(outboxId));
  }

  /** One more attempt of a DEAD notification, same idempotency key. */
  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "resend", object = "notification")
  public boolean resend(String outboxId) {
    return outbox.resend(outboxId, clock.instant());
  }

  /** The notifications suppressed in {@code [from, to)}, newest first, one page. */
  public List<Suppression> suppressions(Instant from, Instant to, int offset, int limit) {
    return routing.suppressions(from, to, offset, limit);
  }
}
