package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.DeliveryAttempt;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.RetrySchedule;
import dev.meerkat.notify.DeliveryResult;
import dev.meerkat.notify.Notifier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
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
    for (OutboxEntry entry : outbox.due(clock.instant(), batchSize)) {
      if (!inFlight.add(entry.id())) {
        continue;
      }
      try {
        senders.execute(() -> send(entry));
        submitted++;
      } catch (RejectedExecutionException e) {
        inFlight.remove(entry.id());
        return submitted;
      }
    }
    return submitted;
  }

  /** Notifications handed to a sender and not recorded yet. */
  public int inFlight() {
    return inFlight.size();
  }

  private void send(OutboxEntry entry) {
    try {
      Instant start = clock.instant();
      DeliveryResult result = attempt(entry);
      Instant end = clock.instant();
      if (closed) {
        // Stopping: like a process that dies here, record nothing; the notification stays due
        // and is sent again, with the same idempotency key, by whoever delivers next.
        return;
      }
      record(entry, result, start, Duration.between(start, end));
    } catch (RuntimeException e) {
      // Recording failed (the store is unreachable): the notification stays due as it was.
      logger.warn("Recording the delivery of notification {} failed; it stays due", entry.id(), e);
    } finally {
      inFlight.remove(entry.id());
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
