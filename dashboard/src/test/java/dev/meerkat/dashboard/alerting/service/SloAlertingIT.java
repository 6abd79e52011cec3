package dev.meerkat.dashboard.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.agent.testing.Poll;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.RetrySchedule;
import dev.meerkat.dashboard.alerting.domain.SingleThresholdBurnRatePolicy;
import dev.meerkat.dashboard.alerting.store.JdbcAlertStore;
import dev.meerkat.dashboard.alerting.store.JdbcOutbox;
import dev.meerkat.dashboard.slo.store.JdbcSloRepository;
import dev.meerkat.dashboard.testing.HttpReceiver;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.StateDatabase;
import dev.meerkat.dashboard.testing.TestClock;
import dev.meerkat.notify.AlertNotification;
import dev.meerkat.notify.GenericWebhookNotifier;
import dev.meerkat.notify.RetryPolicy;
import dev.meerkat.notify.WebhookPayloadFormatter;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.query.ClickHouseServiceMetricsRepository;
import dev.meerkat.store.clickhouse.slo.ClickHouseAlertEventRepository;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.AlertState;
import dev.meerkat.store.slo.SloDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Real ClickHouse (rollups, history), real relational store (H2), real webhook receiver, test
 * clock: the evaluation records each change with its notification; the worker delivers it.
 */
class SloAlertingIT {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:30Z");
  private static final Duration MS = Duration.ofMillis(1);

  private final ClickHouseStore store = ClickHouseFixture.shared().newDatabase();
  private final StateDatabase.Connection state = StateDatabase.h2().open();
  private final HttpReceiver receiver = new HttpReceiver();
  private final TestClock clock = new TestClock(NOW);
  private final JdbcSloRepository slos = new JdbcSloRepository(state.jdbc(), state.transactions());
  private final JdbcOutbox outbox = new JdbcOutbox(state.jdbc(), state.transactions());
  private final JdbcAlertStore states =
      new JdbcAlertStore(state.jdbc(), state.transactions(), outbox);
  private final AlertEventRepository history = new ClickHouseAlertEventRepository(store);
  private final SloEvaluation evaluation =
      new SloEvaluation(
          slos,
          states,
          history,
          new ClickHouseServiceMetricsRepository(store),
          new SingleThresholdBurnRatePolicy(),
          "http://dashboard.example/");
  private final DeliveryWorker worker =
      new DeliveryWorker(
          outbox,
          GenericWebhookNotifier.builder()
              .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1)))
              .build(),
          new RetrySchedule(3, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(1)),
          clock,
          Executors.newFixedThreadPool(2),
          10);

  @AfterEach
  void close() {
    worker.close();
    receiver.close();
    state.close();
    store.close();
  }

  @Test
  void firesOnceThenResolvesOnceWithNotifications() {
    SloDefinition slo = slos.save(definition(receiver.url()));
    // Minutes 11:57-11:59: half of checkout's requests fail: burn rate 0.5 / 0.01 = 50.
    SpanSeeder errors = SpanSeeder.create();
    for (int minute = 1; minute <= 3; minute++) {
      Instant at = NOW.minus(Duration.ofMinutes(minute));
      errors.requests(10, "checkout", "POST /pay", "SERVER", at, MS, false);
      errors.requests(10, "checkout", "POST /pay", "SERVER", at, MS, true);
    }
    errors.insertInto(store);

    assertThat(evaluation.evaluateAll(NOW)).hasSize(1);
    assertThat(evaluation.evaluateAll(NOW)).isEmpty();
    deliverAll();

    assertThat(receiver.bodies())
        .containsExactly(payload(slo, AlertState.FIRING, 50.0, -49.0, NOW));

    // Minutes 12:06-12:10 are healthy; at 12:10:30 the 5-minute window sees only them.
    SpanSeeder healthy = SpanSeeder.create();
    for (int minute = 6; minute <= 10; minute++) {
      healthy.requests(
          20, "checkout", "POST /pay", "SERVER", NOW.plus(Duration.ofMinutes(minute)), MS, false);
    }
    healthy.insertInto(store);
    Instant later = NOW.plus(Duration.ofMinutes(10));
    clock.set(later);

    assertThat(evaluation.evaluateAll(later)).hasSize(1);
    assertThat(evaluation.evaluateAll(later)).isEmpty();
    deliverAll();

    // 1 day window: 30 errors of 160 requests: 1 - 0.1875 / 0.01 = -17.75.
    assertThat(receiver.bodies())
        .containsExactly(
            payload(slo, AlertState.FIRING, 50.0, -49.0, NOW),
            payload(slo, AlertState.RESOLVED, 0.0, -17.75, later));
    assertThat(receiver.keys())
        .containsExactly(
            "checkout-availability:page:" + NOW.getEpochSecond() + ":firing",
            "checkout-availability:page:" + NOW.getEpochSecond() + ":resolved");
    assertThat(history.history(0, 10))
        .extracting(AlertEvent::state, AlertEvent::eventTime)
        .containsExactly(tuple(AlertState.RESOLVED, later), tuple(AlertState.FIRING, NOW));
    assertThat(outbox.all())
        .extracting(OutboxEntry::status, OutboxEntry::attempts)
        .containsExactly(tuple(DeliveryStatus.DELIVERED, 1), tuple(DeliveryStatus.DELIVERED, 1));
    assertThat(states.currentStates().get(slo.id()).state()).isEqualTo(AlertState.RESOLVED);
  }

  @Test
  void evaluationIsNotHeldUpByASlowReceiver() throws InterruptedException {
    slos.save(definition(receiver.holdAnswers().url()));
    seedOutage();

    assertThat(evaluation.evaluateAll(NOW)).hasSize(1);
    assertThat(worker.poll()).isEqualTo(1);
    receiver.awaitFirstRequest();

    // The receiver holds its answer; the next round of evaluation runs and records anyway.
    SloDefinition second = slos.save(definition("other-slo", receiver.url()));
    assertThat(evaluation.evaluateAll(NOW))
        .extracting(AlertEvent::sloId)
        .containsExactly(second.id());
    receiver.release();
    deliverAll();
    assertThat(outbox.all()).extracting(OutboxEntry::status).containsOnly(DeliveryStatus.DELIVERED);
  }

  @Test
  void recordsNoNotificationWhenSloHasNoWebhook() {
    slos.save(definition(""));
    seedOutage();

    assertThat(evaluation.evaluateAll(NOW))
        .singleElement()
        .extracting(AlertEvent::state)
        .isEqualTo(AlertState.FIRING);
    assertThat(outbox.all()).isEmpty();
    assertThat(receiver.requests()).isEmpty();
  }

  @Test
  void quietServiceChangesNothing() {
    slos.save(definition(receiver.url()));

    assertThat(evaluation.evaluateAll(NOW)).isEmpty();
    assertThat(states.currentStates()).isEmpty();
    assertThat(history.history(0, 10)).isEmpty();
  }

  private void seedOutage() {
    SpanSeeder.create()
        .requests(10, "checkout", "POST /pay", "SERVER", NOW.minusSeconds(60), MS, true)
        .insertInto(store);
  }

  private void deliverAll() {
    Poll.until(
        Duration.ofSeconds(30),
        () -> {
          worker.poll();
          return outbox.due(clock.instant(), 100).size() + worker.inFlight();
        },
        open -> open == 0,
        () -> "notifications still open: " + outbox.all());
  }

  private static SloDefinition definition(String webhook) {
    return definition("checkout-availability", webhook);
  }

  private static SloDefinition definition(String id, String webhook) {
    return new SloDefinition(
        id,
        0,
        "Checkout availability",
        "checkout",
        0.99,
        Duration.ofDays(1),
        2.0,
        webhook,
        NOW.minus(Duration.ofDays(1)));
  }

  private static String payload(
      SloDefinition slo, AlertState state, double burnRate, double budget, Instant at) {
    return new WebhookPayloadFormatter()
        .format(
            new AlertNotification(
                state,
                slo.id(),
                slo.name(),
                slo.service(),
                0.99,
                Duration.ofDays(1),
                burnRate,
                2.0,
                budget,
                at,
                NOW,
                "http://dashboard.example/slos"));
  }
}
