package dev.meerkat.dashboard.api;

import dev.meerkat.dashboard.alerting.domain.DeliveryAttempt;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import dev.meerkat.dashboard.alerting.service.DeliveryLogService;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The delivery log of a time range: the notifications created in it and the ones silences and
 * maintenance windows suppressed in it, newest first, each list paged on its own; and every attempt
 * of one notification.
 */
@RestController
class DeliveriesApi {

  private final DeliveryLogService log;
  private final Clock clock;

  DeliveriesApi(DeliveryLogService log, Clock clock) {
    this.log = log;
    this.clock = clock;
  }

  record Deliveries(Instant from, Instant to, List<Delivery> notifications) {}

  /**
   * One notification; {@code channel} is the stored channel's name (its kind for rows without one),
   * never its endpoint, which may carry a secret.
   */
  record Delivery(
      String id,
      Instant time,
      String channel,
      String channelKind,
      String alert,
      String state,
      boolean test,
      String delivery,
      int attempts,
      String lastError) {
    static Delivery of(DeliveryLogService.Row row) {
      OutboxEntry n = row.notification();
      return new Delivery(
          n.id(),
          n.createdAt(),
          row.channelName(),
          n.channel(),
          n.notification().sloName(),
          n.notification().state().wireName(),
          n.test(),
          n.status().name(),
          n.attempts(),
          n.lastError());
    }
  }

  record Suppressed(Instant from, Instant to, List<SuppressedNotification> suppressed) {}

  record SuppressedNotification(
      String id,
      Instant time,
      String reason,
      String suppressedBy,
      String channelId,
      String summary,
      String idempotencyKey) {
    static SuppressedNotification of(Suppression s) {
      return new SuppressedNotification(
          s.id(),
          s.at(),
          s.reason().name(),
          s.suppressedBy(),
          s.channelId(),
          s.summary(),
          s.idempotencyKey());
    }
  }

  @GetMapping("/api/v1/deliveries")
  Deliveries deliveries(
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "window", required = false) String window,
      @RequestParam(name = "offset", required = false) String offset,
      @RequestParam(name = "limit", required = false) String limit) {
    QueryWindow range = QueryWindow.resolve(from, to, window, clock);
    List<Delivery> page =
        log
            .recent(range.from(), range.to(), Parameters.offset(offset), AlertsApi.limit(limit))
            .stream()
            .map(Delivery::of)
            .toList();
    return new Deliveries(range.from(), range.to(), page);
  }

  /** One attempt; {@code statusCode} is null when no HTTP answer came. */
  record Attempt(
      int attempt,
      Instant time,
      Integer statusCode,
      long latencyMillis,
      String outcome,
      String error) {
    static Attempt of(DeliveryAttempt a) {
      return new Attempt(
          a.attempt(),
          a.attemptedAt(),
          a.statusCode() == 0 ? null : a.statusCode(),
          a.latency().toMillis(),
          a.outcome().name(),
          a.error());
    }
  }

  record Attempts(String id, List<Attempt> attempts) {}

  @GetMapping("/api/v1/deliveries/{id}/attempts")
  Attempts attempts(@PathVariable("id") String id) {
    List<Attempt> attempts =
        log
            .attemptsOf(id)
            .orElseThrow(() -> new NotFoundException("no notification with id " + id))
            .stream()
            .map(Attempt::of)
            .toList();
    return new Attempts(id, attempts);
  }

  @GetMapping("/api/v1/deliveries/suppressed")
  Suppressed suppressed(
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "window", required = false) String window,
      @RequestParam(name = "offset", required = false) String offset,
      @RequestParam(name = "limit", required = false) String limit) {
    QueryWindow range = QueryWindow.resolve(from, to, window, clock);
    List<SuppressedNotification> page =
        log
            .suppressions(
                range.from(), range.to(), Parameters.offset(offset), AlertsApi.limit(limit))
            .stream()
            .map(SuppressedNotification::of)
            .toList();
    return new Suppressed(range.from(), range.to(), page);
  }
}
