package dev.meerkat.dashboard.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.dashboard.alerting.domain.AlertStatus;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.RetrySchedule;
import dev.meerkat.dashboard.alerting.domain.Severity;
import dev.meerkat.dashboard.alerting.store.JdbcAlertStore;
import dev.meerkat.dashboard.alerting.store.JdbcChannelRepository;
import dev.meerkat.dashboard.alerting.store.JdbcOutbox;
import dev.meerkat.dashboard.alerting.store.JdbcRoutingStore;
import dev.meerkat.dashboard.slo.service.RollupEventCountSource;
import dev.meerkat.dashboard.slo.store.JdbcSloRepository;
import dev.meerkat.dashboard.testing.Deliveries;
import dev.meerkat.dashboard.testing.HttpReceiver;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.StateDatabase;
import dev.meerkat.dashboard.testing.TestClock;
import dev.meerkat.dashboard.testing.TestSecrets;
import dev.meerkat.notify.AlertNotification;
import dev.meerkat.notify.AlertSeverity;
import dev.meerkat.notify.GenericWebhookNotifier;
import dev.meerkat.notify.RetryPolicy;
import dev.meerkat.notify.WebhookPayloadFormatter;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.query.ClickHouseRequestCellRepository;
import dev.meerkat.store.clickhouse.slo.ClickHouseAlertEventRepository;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.AlertState;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
          new RollupEventCountSource(new ClickHouseRequestCellRepository(store)),
          // No routes: only the SLO's own webhook is notified.
          new NotificationRouter(
              new JdbcRoutingStore(state.jdbc()),
              new JdbcChannelRepository(state.jdbc(), state.transactions(), TestSecrets.cipher()),
              outbox,
              Duration.ZERO),
          "http://dashboard.example/");
  private final DeliveryWorker worker =
      new DeliveryWorker(
          outbox,
          GenericWebhookNotifier.builder()
              .outboundPolicy(HttpReceiver.LOOPBACK_ALLOWED)
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

  /**
   * The workbook policy on a 99 % 30-day SLO over real rollups. Burn rate = bad / total / (1 -
   * 0.99); thresholds 14.4 (1 h and 5 m), 6 (6 h and 30 m), 3 (1 d and 2 h), 1 (3 d and 6 h).
   * Windows end at the last complete minute (12:00 at 12:00:30).
   */
  @Test
  void pagesThenResolvesThePageAndOpensATicketWithNotificationsAndHistory() {
    SloDefinition slo = slos.save(definition(receiver.url()));
    // Minutes 11:57-11:59: half of checkout's requests fail: 60 requests, 30 bad; every window
    // from 5 m to 3 d sees exactly these, burn rate 50: the page fires (1 h and 5 m over 14.4);
    // the ticket's conditions hold too, but a firing page suppresses it.
    SpanSeeder errors = SpanSeeder.create();
    for (int minute = 1; minute <= 3; minute++) {
      Instant at = NOW.minus(Duration.ofMinutes(minute));
      errors.requests(10, "checkout", "POST /pay", "SERVER", at, MS, false);
      errors.requests(10, "checkout", "POST /pay", "SERVER", at, MS, true);
    }
    errors.insertInto(store);

    assertThat(evaluation.evaluateAll(NOW))
        .extracting(AlertEvent::state, AlertEvent::severity)
        .containsExactly(tuple(AlertState.FIRING, "page"));
    assertThat(evaluation.evaluateAll(NOW)).isEmpty();
    deliverAll();
    double firingBurn = 30.0 / 60 / (1 - 0.99);
    assertThat(receiver.bodies())
        .containsExactly(
            payload(
                slo,
                AlertState.FIRING,
                AlertSeverity.PAGE,
                firingBurn,
                14.4,
                1 - 30 / (0.01 * 60),
                NOW,
                NOW));

    // Minutes 12:06-12:39 are healthy (20 each, 680 requests). At 12:40:30 the 5 m and 30 m
    // windows see only them, so neither page condition holds: the page resolves. The 1 d and 2 h
    // windows see 740 requests, 30 bad: burn rate 30 / 740 / 0.01 = 4.05 > 3: the ticket, no
    // longer suppressed, fires in the same round.
    SpanSeeder healthy = SpanSeeder.create();
    for (int minute = 6; minute <= 39; minute++) {
      healthy.requests(
          20, "checkout", "POST /pay", "SERVER", NOW.plus(Duration.ofMinutes(minute)), MS, false);
    }
    healthy.insertInto(store);
    Instant later = NOW.plus(Duration.ofMinutes(40));
    clock.set(later);

    assertThat(evaluation.evaluateAll(later))
        .extracting(AlertEvent::state, AlertEvent::severity)
        .containsExactly(tuple(AlertState.RESOLVED, "page"), tuple(AlertState.FIRING, "ticket"));
    assertThat(evaluation.evaluateAll(later)).isEmpty();
    deliverAll();

    double laterBurn = 30.0 / 740 / (1 - 0.99);
    double laterBudget = 1 - 30 / (0.01 * 740);
    // Two notifications of one round go out in parallel: their order is not defined.
    assertThat(receiver.bodies())
        .containsExactlyInAnyOrder(
            payload(
                slo,
                AlertState.FIRING,
                AlertSeverity.PAGE,
                firingBurn,
                14.4,
                1 - 30 / (0.01 * 60),
                NOW,
                NOW),
            payload(
                slo,
                AlertState.RESOLVED,
                AlertSeverity.PAGE,
                laterBurn,
                14.4,
                laterBudget,
                later,
                NOW),
            payload(
                slo,
                AlertState.FIRING,
                AlertSeverity.TICKET,
                laterBurn,
                0.1 * (720.0 / 24),
                laterBudget,
                later,
                later));
    assertThat(receiver.keys())
        .containsExactlyInAnyOrder(
            "checkout-availability:page:" + NOW.getEpochSecond() + ":firing",
            "checkout-availability:page:" + NOW.getEpochSecond() + ":resolved",
            "checkout-availability:ticket:" + later.getEpochSecond() + ":firing");
    assertThat(history.history(0, 10))
        .extracting(AlertEvent::state, AlertEvent::severity, AlertEvent::eventTime)
        .containsExactlyInAnyOrder(
            tuple(AlertState.RESOLVED, "page", later),
            tuple(AlertState.FIRING, "ticket", later),
            tuple(AlertState.FIRING, "page", NOW));
    assertThat(outbox.all())
        .extracting(OutboxEntry::idempotencyKey, OutboxEntry::status, OutboxEntry::attempts)
        .containsExactlyInAnyOrder(
            tuple(
                "checkout-availability:page:" + NOW.getEpochSecond() + ":firing",
                DeliveryStatus.DELIVERED,
                1),
            tuple(
                "checkout-availability:page:" + NOW.getEpochSecond() + ":resolved",
                DeliveryStatus.DELIVERED,
                1),
            tuple(
                "checkout-availability:ticket:" + later.getEpochSecond() + ":firing",
                DeliveryStatus.DELIVERED,
                1));
    assertThat(states.currentStates())
        .containsOnlyKeys("checkout-availability:page", "checkout-availability:ticket");
    assertThat(states.currentStates().get("checkout-availability:page"))
        .isEqualTo(
            new AlertStatus(
                "checkout-availability", Severity.PAGE, AlertState.RESOLVED, NOW, later, 2));
    assertThat(states.currentStates().get("checkout-availability:ticket"))
        .isEqualTo(
            new AlertStatus(
                "checkout-availability", Severity.TICKET, AlertState.FIRING, later, later, 1));
  }

  /** The guard stored with the SLO: 60 events in the long windows are fewer than 100. */
  @Test
  void lowTrafficGuardStoredWithTheSloKeepsItQuiet() {
    SloDefinition guarded = definition(receiver.url());
    slos.save(
        new SloDefinition(
            guarded.id(),
            0,
            guarded.name(),
            guarded.service(),
            guarded.objective(),
            guarded.window(),
            0,
            guarded.webhookUrl(),
            guarded.updatedAt(),
            new SloSpec("availability", 0, List.of(), "30d", 100, "")));
    SpanSeeder errors = SpanSeeder.create();
    for (int minute = 1; minute <= 3; minute++) {
      errors.requests(
          20, "checkout", "POST /pay", "SERVER", NOW.minus(Duration.ofMinutes(minute)), MS, true);
    }
    errors.insertInto(store);

    assertThat(evaluation.evaluateAll(NOW)).isEmpty();
    assertThat(states.currentStates()).isEmpty();
    assertThat(outbox.all()).isEmpty();
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
    Deliveries.deliverAll(worker, outbox, clock);
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
        Duration.ofDays(30),
        2.0,
        webhook,
        NOW.minus(Duration.ofDays(1)));
  }

  private static String payload(
      SloDefinition slo,
      AlertState state,
      AlertSeverity severity,
      double burnRate,
      double threshold,
      double budget,
      Instant at,
      Instant incidentStart) {
    return new WebhookPayloadFormatter()
        .format(
            new AlertNotification(
                state,
                slo.id(),
                slo.name(),
                slo.service(),
                0.99,
                Duration.ofDays(30),
                burnRate,
                threshold,
                budget,
                at,
                incidentStart,
                "http://dashboard.example/slos",
                severity));
  }
}
