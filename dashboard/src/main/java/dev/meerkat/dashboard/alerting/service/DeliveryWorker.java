package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.DeliveryAttempt;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.RetrySchedule;
import dev.meerkat.notify.AlertmanagerWebhookNotifier;
import dev.meerkat.notify.DeliveryResult;
import dev.meerkat.notify.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends due outbox notifications, one attempt at a time, and records every attempt. Each
 * notification is sent by its own task on a small pool, so a slow receiver holds one sender (for at
 * most the notifier's request timeout) and never the others, nor evaluation. Retries are not slept
 * on: a failed attempt stores when the next one is due ({@link RetrySchedule}, honouring {@code
 * Retry-After}) and a later {@link #poll} picks it up.
 *
 * <p>The notifier must make ONE attempt per call (a retry policy of one attempt): the outbox owns
 * retries, so that each is recorded and survives a restart.
 */
public final class DeliveryWorker implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(DeliveryWorker.class);

  private final Outbox outbox;
  private final DeliveryTarget.Resolver targets;
  private final RetrySchedule schedule;
  private final Clock clock;
  private final ExecutorService senders;
  private final int batchSize;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Every row is sent to its own endpoint by {@code notifier}. */
  public DeliveryWorker(
      Outbox outbox,
      Notifier notifier,
      RetrySchedule schedule,
      Clock clock,
      ExecutorService senders,
      int batchSize) {
    this(
        outbox,
        DeliveryTarget.Resolver.endpointOfRow(notifier),
        schedule,
        clock,
        senders,
        batchSize);
  }

  /** Each row is sent where {@code targets} says (its stored channel). */
  public DeliveryWorker(
      Outbox outbox,
      DeliveryTarget.Resolver targets,
      RetrySchedule schedule,
      Clock clock,
      ExecutorService senders,
      int batchSize) {
    this.outbox = outbox;
    this.targets = targets;
    this.schedule = schedule;
    this.clock = clock;
    this.senders = senders;
    this.batchSize = batchSize;
  }

  /** Hands every due notification not already being sent to a sender; returns how many. */
  public int poll() {
    if (closed) {
      return 0;
    }
    int submitted = 0;
    Map<String, List<OutboxEntry>> groups = new LinkedHashMap<>();
    for (OutboxEntry entry : outbox.due(clock.instant(), batchSize)) {
      if (!inFlight.add(entry.id())) {
        continue;
      }
      // Rows of one group due together go out as one payload; a row alone is a group of one.
      String key = entry.groupKey().isEmpty() ? "row:" + entry.id() : entry.groupKey();
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
    }
    for (List<OutboxEntry> group : groups.values()) {
      // Same members, same order, same group key on every retry.
      group.sort(Comparator.comparing(OutboxEntry::idempotencyKey));
      try {
        senders.execute(() -> send(group));
        submitted += group.size();
      } catch (RejectedExecutionException e) {
        group.forEach(entry -> inFlight.remove(entry.id()));
      }
    }
    return submitted;
  }

  /**
   * Whether the row was attempted after {@link #poll()} read it: its sender can finish and leave
   * {@code inFlight} between the poll's read of the due rows and its {@code inFlight.add}, and
   * sending the stale copy again would deliver it twice.
   */
  private boolean attemptedSinceRead(OutboxEntry entry) {
    return outbox
        .find(entry.id())
        .map(stored -> stored.attempts() != entry.attempts() || !stored.status().isOpen())
        .orElse(true);
  }

  /** Notifications handed to a sender and not recorded yet. */
  public int inFlight() {
    return inFlight.size();
  }

  private void send(List<OutboxEntry> group) {
    try {
      if (group.stream().anyMatch(this::attemptedSinceRead)) {
        return; // Another sender already sent it; the rest of a group goes out at the next poll.
      }
      Instant start = clock.instant();
      DeliveryResult result = group.size() == 1 ? attempt(group.getFirst()) : attemptGroup(group);
      Instant end = clock.instant();
      if (closed) {
        // Stopping: like a process that dies here, record nothing; the notification stays due
        // and is sent again, with the same idempotency key, by whoever delivers next.
        return;
      }
      // A group's one request is one attempt of each of its notifications.
      for (OutboxEntry entry : group) {
        record(entry, result, start, Duration.between(start, end));
      }
    } catch (RuntimeException e) {
      // Recording failed (the store is unreachable): the notification stays due as it was.
      logger.warn(
          "Recording the delivery of notification {} failed; it stays due",
          group.getFirst().id(),
          e);
    } finally {
      group.forEach(entry -> inFlight.remove(entry.id()));
    }
  }

  /**
   * One Alertmanager payload for several rows of one group (same channel, alert name, severity).
   * Its key is the first row's notification key plus the number of further alerts, so the same
   * group retried is the same key.
   */
  private DeliveryResult attemptGroup(List<OutboxEntry> group) {
    OutboxEntry first = group.getFirst();
    DeliveryTarget target;
    try {
      target = targets.targetFor(first);
    } catch (DeliveryTarget.Unresolvable e) {
      return new DeliveryResult(DeliveryResult.Status.REJECTED, 0, e.getMessage());
    }
    if (!(target.notifier() instanceof AlertmanagerWebhookNotifier alertmanager)
        || group.stream().anyMatch(entry -> !entry.keyMatchesPayload())) {
      return new DeliveryResult(
          DeliveryResult.Status.REJECTED, 0, "group on a channel that cannot group");
    }
    String[] parts = first.groupKey().split("\\|", -1);
    Map<String, String> groupLabels = new TreeMap<>();
    groupLabels.put("alertname", parts.length > 1 ? parts[1] : "");
    groupLabels.put("severity", first.notification().severity().wireName());
    try {
      return alertmanager.deliverGroup(
          target.endpoint(),
          group.stream().map(OutboxEntry::notification).toList(),
          groupLabels,
          first.notification().idempotencyKey() + "+" + (group.size() - 1));
    } catch (RuntimeException e) {
      logger.warn("Notifier failed on group {}: {}", first.id(), e.getClass().getSimpleName());
      return new DeliveryResult(DeliveryResult.Status.GAVE_UP, 1, e.getClass().getSimpleName());
    }
  }

  /**
   * One attempt; a notifier that throws counts as a failed (retryable) attempt, so it cannot make
   * the worker spin on the same notification. Only exception class names are kept: messages may
   * quote the endpoint, which may carry a secret.
   */
  private DeliveryResult attempt(OutboxEntry entry) {
    DeliveryTarget target;
    try {
      target = targets.targetFor(entry);
    } catch (DeliveryTarget.Unresolvable e) {
      return new DeliveryResult(DeliveryResult.Status.REJECTED, 0, e.getMessage());
    }
    if (!entry.keyMatchesPayload()) {
      // The notifiers send the key derived from the stored payload; it must be the stored one,
      // or a receiver could not deduplicate (e.g. the key's format changed across an upgrade).
      return new DeliveryResult(
          DeliveryResult.Status.REJECTED, 0, "payload key differs from the stored idempotency key");
    }
    try {
      return target.notifier().deliver(target.endpoint(), entry.notification());
    } catch (RuntimeException e) {
      logger.warn(
          "Notifier failed on notification {}: {}", entry.id(), e.getClass().getSimpleName());
      return new DeliveryResult(DeliveryResult.Status.GAVE_UP, 1, e.getClass().getSimpleName());
    }
  }

  private void record(OutboxEntry entry, DeliveryResult result, Instant at, Duration latency) {
    int attempt = entry.attempts() + 1;
    DeliveryStatus outcome = outcome(result, attempt);
    Instant next =
        outcome == DeliveryStatus.RETRYING
            ? at.plus(latency).plus(schedule.delayAfter(attempt, result.requestedDelay()))
            : at.plus(latency);
    String error = result.delivered() ? "" : result.detail();
    boolean written =
        outbox.recordAttempt(
            new DeliveryAttempt(
                entry.id(), attempt, at, result.statusCode(), latency, outcome, error),
            next);
    if (written && outcome == DeliveryStatus.DEAD) {
      logger.warn(
          "Notification {} ({}) is dead after {} attempts: {}",
          entry.id(),
          entry.idempotencyKey(),
          attempt,
          error);
    }
  }

  private DeliveryStatus outcome(DeliveryResult result, int attempt) {
    return switch (result.status()) {
      case DELIVERED -> DeliveryStatus.DELIVERED;
      case REJECTED -> DeliveryStatus.DEAD;
      case GAVE_UP ->
          schedule.exhaustedAfter(attempt) ? DeliveryStatus.DEAD : DeliveryStatus.RETRYING;
    };
  }

  /** Stops sending; in-flight attempts finish without being recorded (they are sent again). */
  @Override
  public void close() {
    closed = true;
    senders.shutdownNow();
  }
}
