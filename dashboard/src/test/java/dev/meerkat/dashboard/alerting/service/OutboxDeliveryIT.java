package dev.meerkat.dashboard.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.agent.testing.Poll;
import dev.meerkat.dashboard.alerting.domain.AlertStatus;
import dev.meerkat.dashboard.alerting.domain.DeliveryAttempt;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.RetrySchedule;
import dev.meerkat.dashboard.alerting.store.JdbcAlertStore;
import dev.meerkat.dashboard.alerting.store.JdbcOutbox;
import dev.meerkat.dashboard.testing.HttpReceiver;
import dev.meerkat.dashboard.testing.StateDatabase;
import dev.meerkat.dashboard.testing.TestClock;
import dev.meerkat.notify.AlertNotification;
import dev.meerkat.notify.GenericWebhookNotifier;
import dev.meerkat.notify.RetryPolicy;
import dev.meerkat.notify.WebhookPayloadFormatter;
import dev.meerkat.store.slo.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox and its delivery worker against real local HTTP receivers and a real H2 state store,
 * on a test clock: every attempt recorded, backoff and Retry-After honoured, dead letters, a slow
 * receiver that holds up nobody else, and a restart between "sent" and "recorded".
 */
class OutboxDeliveryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  /** 3 attempts; 5 s after the first failure, 10 s after the second; Retry-After up to 60 s. */
  private static final RetrySchedule SCHEDULE =
      new RetrySchedule(3, Duration.ofSeconds(5), Duration.ofSeconds(40), Duration.ofSeconds(60));

  private final StateDatabase database = StateDatabase.h2();
  private final TestClock clock = new TestClock(T0);
  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : closeables.reversed()) {
      closeable.close();
    }
  }

  @Test
  void retriesAFailingReceiverHonouringRetryAfterAndDeliversOnceWithOneKey() {
    HttpReceiver receiver = receiver();
    receiver.thenRespond(503).thenRespond(429, Map.of("Retry-After", "7")).thenRespond(204);
    Process process = start();
    OutboxEntry entry = process.queue("slo-a", receiver.url());

    process.deliverDue();
    assertThat(process.outbox.find(entry.id()).orElseThrow())
        .extracting(OutboxEntry::status, OutboxEntry::attempts, OutboxEntry::nextAttemptAt)
        .containsExactly(DeliveryStatus.RETRYING, 1, T0.plusSeconds(5));
    clock.advance(Duration.ofSeconds(4));
    assertThat(process.worker.poll()).as("not due before the backoff").isZero();

    clock.set(T0.plusSeconds(5));
    process.deliverDue();
    // 429 with Retry-After: 7 s replaces the 10 s of exponential backoff.
    assertThat(process.outbox.find(entry.id()).orElseThrow().nextAttemptAt())
        .isEqualTo(T0.plusSeconds(12));

    clock.set(T0.plusSeconds(12));
    process.deliverDue();

    assertThat(process.outbox.attempts(entry.id()))
        .extracting(
            DeliveryAttempt::attempt,
            DeliveryAttempt::attemptedAt,
            DeliveryAttempt::statusCode,
            DeliveryAttempt::outcome,
            DeliveryAttempt::error)
        .containsExactly(
            tuple(1, T0, 503, DeliveryStatus.RETRYING, "HTTP 503 after 1 attempts"),
            tuple(2, T0.plusSeconds(5), 429, DeliveryStatus.RETRYING, "HTTP 429 after 1 attempts"),
            tuple(3, T0.plusSeconds(12), 204, DeliveryStatus.DELIVERED, ""));
    assertThat(process.outbox.find(entry.id()).orElseThrow())
        .extracting(OutboxEntry::status, OutboxEntry::attempts, OutboxEntry::lastError)
        .containsExactly(DeliveryStatus.DELIVERED, 3, "");
    assertThat(receiver.keys())
        .containsExactly(entry.idempotencyKey(), entry.idempotencyKey(), entry.idempotencyKey());
    assertThat(receiver.bodies())
        .containsOnly(new WebhookPayloadFormatter().format(entry.notification()));
    clock.advance(Duration.ofHours(1));
    assertThat(process.worker.poll()).as("a delivered notification is never sent again").isZero();
  }

  @Test
  void movesANotificationToDeadAfterTheLastAttemptAndResendsItByHand() {
    HttpReceiver receiver = receiver();
    receiver.thenRespond(500).thenRespond(500).thenRespond(500);
    Process process = start();
    OutboxEntry entry = process.queue("slo-a", receiver.url());

    process.deliverDue();
    clock.set(T0.plusSeconds(5));
    process.deliverDue();
    clock.set(T0.plusSeconds(15));
    process.deliverDue();

    assertThat(process.outbox.attempts(entry.id()))
        .extracting(
            DeliveryAttempt::attempt, DeliveryAttempt::attemptedAt, DeliveryAttempt::outcome)
        .containsExactly(
            tuple(1, T0, DeliveryStatus.RETRYING),
            tuple(2, T0.plusSeconds(5), DeliveryStatus.RETRYING),
            tuple(3, T0.plusSeconds(15), DeliveryStatus.DEAD));
    assertThat(process.outbox.find(entry.id()).orElseThrow())
        .extracting(OutboxEntry::status, OutboxEntry::attempts, OutboxEntry::lastError)
        .containsExactly(DeliveryStatus.DEAD, 3, "HTTP 500 after 1 attempts");
    clock.advance(Duration.ofDays(1));
    assertThat(process.worker.poll()).isZero();
    assertThat(receiver.requests()).hasSize(3);

    // Re-sent by hand: one more attempt, same key; the receiver has recovered (200).
    assertThat(process.outbox.resend(entry.id(), clock.instant())).isTrue();
    assertThat(process.outbox.resend(entry.id(), clock.instant())).as("not dead now").isFalse();
    process.deliverDue();
    assertThat(process.outbox.attempts(entry.id()))
        .extracting(DeliveryAttempt::attempt, DeliveryAttempt::statusCode, DeliveryAttempt::outcome)
        .endsWith(tuple(4, 200, DeliveryStatus.DELIVERED));
    assertThat(receiver.keys()).hasSize(4).containsOnly(entry.idempotencyKey());
  }

  @Test
  void aPermanentRejectionIsDeadAtOnce() {
    HttpReceiver receiver = receiver();
    receiver.thenRespond(404);
    Process process = start();
    OutboxEntry entry = process.queue("slo-a", receiver.url());

    process.deliverDue();

    assertThat(process.outbox.attempts(entry.id()))
        .extracting(DeliveryAttempt::statusCode, DeliveryAttempt::outcome, DeliveryAttempt::error)
        .containsExactly(tuple(404, DeliveryStatus.DEAD, "HTTP 404"));
  }

  @Test
  void anEndpointThatIsNoUrlIsDeadAtOnceAndNotQuotedInTheLog() {
    Process process = start();
    OutboxEntry entry = process.queue("slo-a", "http://hooks example/secret-token");

    process.deliverDue();

    assertThat(process.outbox.attempts(entry.id()))
        .extracting(DeliveryAttempt::statusCode, DeliveryAttempt::outcome, DeliveryAttempt::error)
        .containsExactly(tuple(0, DeliveryStatus.DEAD, "invalid endpoint URL"));
  }

  @Test
  void aSlowReceiverDoesNotDelayOtherNotifications() throws InterruptedException {
    HttpReceiver slow = receiver().holdAnswers();
    HttpReceiver fast = receiver();
    Process process = start();
    OutboxEntry held = process.queue("slo-slow", slow.url());
    OutboxEntry quick = process.queue("slo-fast", fast.url());
    OutboxEntry later = process.queue("slo-later", fast.url());

    assertThat(process.worker.poll()).isEqualTo(3);
    slow.awaitFirstRequest();

    // The slow receiver still holds its answer while the others are delivered and recorded.
    // (The sender lets go of a notification just after recording it: wait for both.)
    Poll.until(
        Duration.ofSeconds(30),
        () -> List.of(status(process, quick), status(process, later), process.worker.inFlight()),
        now -> now.equals(List.of(DeliveryStatus.DELIVERED, DeliveryStatus.DELIVERED, 1)),
        () -> "fast notifications: " + process.outbox.all());
    assertThat(status(process, held)).isEqualTo(DeliveryStatus.PENDING);
    assertThat(process.worker.poll()).as("an in-flight notification is not sent twice").isZero();

    slow.release();
    Poll.until(
        Duration.ofSeconds(30),
        () -> status(process, held),
        DeliveryStatus.DELIVERED::equals,
        () -> "slow notification: " + process.outbox.all());
    assertThat(slow.keys()).containsExactly(held.idempotencyKey());
    assertThat(fast.keys())
        .containsExactlyInAnyOrder(quick.idempotencyKey(), later.idempotencyKey());
  }

  @Test
  void aRestartBetweenSentAndRecordedSendsAgainWithTheSameKeyAndLosesNothing()
      throws InterruptedException {
    HttpReceiver receiver = receiver().holdAnswers();
    Process first = start();
    OutboxEntry sent = first.queue("slo-a", receiver.url());

    assertThat(first.worker.poll()).isEqualTo(1);
    receiver.awaitFirstRequest();
    // The receiver has the notification (and its key); the process dies before recording it.
    first.stop();
    receiver.release();
    Process second = start();
    OutboxEntry queuedMeanwhile = second.queue("slo-b", receiver.url());

    second.deliverDue();

    assertThat(receiver.keys().getFirst()).isEqualTo(sent.idempotencyKey());
    assertThat(receiver.keys())
        .containsExactlyInAnyOrder(
            sent.idempotencyKey(), sent.idempotencyKey(), queuedMeanwhile.idempotencyKey());
    assertThat(second.outbox.attempts(sent.id()))
        .extracting(DeliveryAttempt::attempt, DeliveryAttempt::statusCode, DeliveryAttempt::outcome)
        .containsExactly(tuple(1, 200, DeliveryStatus.DELIVERED));
    assertThat(second.outbox.all())
        .extracting(OutboxEntry::idempotencyKey, OutboxEntry::status)
        .containsExactly(
            tuple(sent.idempotencyKey(), DeliveryStatus.DELIVERED),
            tuple(queuedMeanwhile.idempotencyKey(), DeliveryStatus.DELIVERED));
  }

  private DeliveryStatus status(Process process, OutboxEntry entry) {
    return process.outbox.find(entry.id()).orElseThrow().status();
  }

  private HttpReceiver receiver() {
    HttpReceiver receiver = new HttpReceiver();
    closeables.add(receiver);
    return receiver;
  }

  private Process start() {
    Process process = new Process(database.open());
    closeables.add(process);
    return process;
  }

  /** What one dashboard process has of the outbox: its own pool, store and worker. */
  private final class Process implements AutoCloseable {
    final StateDatabase.Connection connection;
    final JdbcOutbox outbox;
    final JdbcAlertStore alerts;
    final DeliveryWorker worker;

    Process(StateDatabase.Connection connection) {
      this.connection = connection;
      this.outbox = new JdbcOutbox(connection.jdbc(), connection.transactions());
      this.alerts = new JdbcAlertStore(connection.jdbc(), connection.transactions(), outbox);
      this.worker =
          new DeliveryWorker(
              outbox,
              GenericWebhookNotifier.builder()
                  .outboundPolicy(HttpReceiver.LOOPBACK_ALLOWED)
                  .retryPolicy(
                      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, SCHEDULE.maxRetryAfter()))
                  .clock(clock)
                  .build(),
              SCHEDULE,
              clock,
              Executors.newFixedThreadPool(4),
              10);
    }

    /** Records a FIRING change of {@code sloId} with its notification, as the evaluator does. */
    OutboxEntry queue(String sloId, String url) {
      AlertNotification notification =
          new AlertNotification(
              AlertState.FIRING,
              sloId,
              "SLO " + sloId,
              "checkout",
              0.999,
              Duration.ofDays(30),
              14.4,
              14.4,
              0.5,
              clock.instant(),
              clock.instant(),
              "http://dashboard.example/slos");
      OutboxEntry entry =
          OutboxEntry.pending(
              "outbox-" + sloId, "event-" + sloId, url, notification, clock.instant());
      alerts.recordChange(
          AlertStatus.initial(sloId).changeTo(AlertState.FIRING, clock.instant()),
          Optional.of(entry));
      return entry;
    }

    /** Sends what is due now and waits until every attempt is recorded. */
    void deliverDue() {
      assertThat(worker.poll()).isPositive();
      Poll.until(
          Duration.ofSeconds(30),
          worker::inFlight,
          n -> n == 0,
          () -> "attempts still in flight: " + outbox.all());
    }

    /** Stops like a dying process: in-flight attempts are not recorded, the pool goes away. */
    void stop() {
      worker.close();
      connection.close();
    }

    @Override
    public void close() {
      stop();
    }
  }
}
