package dev.meerkat.dashboard.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.agent.testing.Poll;
import dev.meerkat.dashboard.alerting.domain.AlertRoute;
import dev.meerkat.dashboard.alerting.domain.Channel;
import dev.meerkat.dashboard.alerting.domain.ChannelKind;
import dev.meerkat.dashboard.alerting.domain.ChannelSecrets;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.LabelMatchers;
import dev.meerkat.dashboard.alerting.domain.MaintenanceWindow;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.RetrySchedule;
import dev.meerkat.dashboard.alerting.domain.Silence;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import dev.meerkat.dashboard.alerting.store.JdbcAlertStore;
import dev.meerkat.dashboard.alerting.store.JdbcChannelRepository;
import dev.meerkat.dashboard.alerting.store.JdbcOutbox;
import dev.meerkat.dashboard.alerting.store.JdbcRoutingStore;
import dev.meerkat.dashboard.slo.service.RollupEventCountSource;
import dev.meerkat.dashboard.slo.store.JdbcSloRepository;
import dev.meerkat.dashboard.testing.HttpReceiver;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.StateDatabase;
import dev.meerkat.dashboard.testing.TestClock;
import dev.meerkat.dashboard.testing.TestSecrets;
import dev.meerkat.notify.GenericWebhookNotifier;
import dev.meerkat.notify.HostResolver;
import dev.meerkat.notify.RetryPolicy;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.query.ClickHouseRequestCellRepository;
import dev.meerkat.store.clickhouse.slo.ClickHouseAlertEventRepository;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertState;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SLO burn-rate alerts go through the label routes, silences and maintenance windows like metric
 * rule alerts: real ClickHouse rollups, real H2 state store, two real local receivers, test clock.
 */
class SloRoutingIT {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:30Z");
  private static final String PAGE_FIRING_KEY = "pay-availability:page:1772366430:firing";

  private final ClickHouseStore store = ClickHouseFixture.shared().newDatabase();
  private final StateDatabase.Connection state = StateDatabase.h2().open();
  private final HttpReceiver pager = new HttpReceiver();
  private final HttpReceiver tickets = new HttpReceiver();
  private final HttpReceiver ownWebhook = new HttpReceiver();
  private final TestClock clock = new TestClock(NOW);
  private final JdbcSloRepository slos = new JdbcSloRepository(state.jdbc(), state.transactions());
  private final JdbcOutbox outbox = new JdbcOutbox(state.jdbc(), state.transactions());
  private final JdbcRoutingStore routing = new JdbcRoutingStore(state.jdbc());
  private final JdbcChannelRepository channels =
      new JdbcChannelRepository(state.jdbc(), state.transactions(), TestSecrets.cipher());
  private final SloEvaluation evaluation =
      new SloEvaluation(
          slos,
          new JdbcAlertStore(state.jdbc(), state.transactions(), outbox),
          new ClickHouseAlertEventRepository(store),
          new RollupEventCountSource(new ClickHouseRequestCellRepository(store)),
          new NotificationRouter(routing, channels, outbox, Duration.ZERO),
          "http://dashboard.example/");
  private final RetryPolicy oneAttempt =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1));
  private final DeliveryWorker worker =
      new DeliveryWorker(
          outbox,
          new ChannelNotifiers(
              channels,
              GenericWebhookNotifier.builder()
                  .outboundPolicy(HttpReceiver.LOOPBACK_ALLOWED)
                  .retryPolicy(oneAttempt)
                  .build(),
              Duration.ofSeconds(10),
              oneAttempt,
              clock,
              HttpReceiver.LOOPBACK_ALLOWED,
              HostResolver.system()),
          new RetrySchedule(3, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(1)),
          clock,
          Executors.newFixedThreadPool(2),
          10);

  @AfterEach
  void close() {
    worker.close();
    pager.close();
    tickets.close();
    ownWebhook.close();
    state.close();
    store.close();
  }

  @Test
  void pageAlertOfAnSloReachesExactlyTheChannelOfTheSeverityPageRoute() throws IOException {
    routeBySeverity();
    slos.save(slo(""));
    seedHalfFailingMinutes();

    assertThat(evaluation.evaluateAll(NOW))
        .extracting(AlertEvent::state, AlertEvent::severity)
        .containsExactly(tuple(AlertState.FIRING, "page"));
    deliverAll();

    assertThat(pager.bodies()).containsExactly(golden("slo-page-routed.json"));
    assertThat(pager.keys()).containsExactly(PAGE_FIRING_KEY);
    assertThat(tickets.requests()).isEmpty();
    assertThat(outbox.all())
        .extracting(OutboxEntry::idempotencyKey, OutboxEntry::channelId, OutboxEntry::status)
        .containsExactly(tuple(PAGE_FIRING_KEY + "@pager", "pager", DeliveryStatus.DELIVERED));
  }

  @Test
  void routesMatchTheSlosOwnLabelsAndItsOwnWebhookStillGetsTheAlert() {
    routing.saveRoute(
        new AlertRoute(
            "payments", 1, LabelMatchers.parse("team=payments"), List.of("tickets"), false));
    channel("tickets", tickets);
    slos.save(slo(ownWebhook.url()));
    seedHalfFailingMinutes();

    evaluation.evaluateAll(NOW);
    deliverAll();

    assertThat(tickets.keys()).containsExactly(PAGE_FIRING_KEY);
    assertThat(ownWebhook.keys()).containsExactly(PAGE_FIRING_KEY);
    assertThat(outbox.all())
        .extracting(OutboxEntry::idempotencyKey, OutboxEntry::channelId)
        .containsExactlyInAnyOrder(
            tuple(PAGE_FIRING_KEY + "@tickets", "tickets"), tuple(PAGE_FIRING_KEY, ""));
  }

  @Test
  void silenceOnTheSloIdSuppressesItsAlertEverywhereAndRecordsIt() {
    routeBySeverity();
    routing.saveSilence(
        new Silence(
            "pay-maintenance",
            LabelMatchers.parse("slo=pay-availability"),
            "payment provider migration",
            "test",
            NOW.minusSeconds(60),
            NOW.plus(Duration.ofHours(1))));
    slos.save(slo(ownWebhook.url()));
    seedHalfFailingMinutes();

    // The alert's state and history change as usual; nothing is sent.
    assertThat(evaluation.evaluateAll(NOW))
        .extracting(AlertEvent::state, AlertEvent::severity)
        .containsExactly(tuple(AlertState.FIRING, "page"));
    deliverAll();

    assertThat(pager.requests()).isEmpty();
    assertThat(ownWebhook.requests()).isEmpty();
    assertThat(outbox.all()).isEmpty();
    assertThat(routing.suppressions(10))
        .extracting(
            Suppression::idempotencyKey,
            Suppression::channelId,
            Suppression::reason,
            Suppression::suppressedBy,
            Suppression::at)
        .containsExactlyInAnyOrder(
            tuple(
                PAGE_FIRING_KEY + "@pager",
                "pager",
                Suppression.Reason.SILENCED,
                "pay-maintenance",
                NOW),
            tuple(PAGE_FIRING_KEY, "", Suppression.Reason.SILENCED, "pay-maintenance", NOW));
  }

  @Test
  void maintenanceWindowOnTheServiceDropsTheSloAlert() {
    routeBySeverity();
    routing.saveMaintenanceWindow(
        MaintenanceWindow.once(
            "checkout-upgrade",
            "checkout upgrade",
            LabelMatchers.parse("service=checkout"),
            NOW.minusSeconds(600),
            NOW.plusSeconds(600)));
    slos.save(slo(""));
    seedHalfFailingMinutes();

    evaluation.evaluateAll(NOW);
    deliverAll();

    assertThat(pager.requests()).isEmpty();
    assertThat(routing.suppressions(10))
        .extracting(Suppression::idempotencyKey, Suppression::reason, Suppression::suppressedBy)
        .containsExactly(
            tuple(PAGE_FIRING_KEY + "@pager", Suppression.Reason.MAINTENANCE, "checkout-upgrade"));
  }

  /** Route 1: severity=page -> pager; route 2: severity=ticket -> tickets. */
  private void routeBySeverity() {
    channel("pager", pager);
    channel("tickets", tickets);
    routing.saveRoute(
        new AlertRoute("pages", 1, LabelMatchers.parse("severity=page"), List.of("pager"), false));
    routing.saveRoute(
        new AlertRoute(
            "tickets", 2, LabelMatchers.parse("severity=ticket"), List.of("tickets"), false));
  }

  private void channel(String id, HttpReceiver receiver) {
    channels.save(
        new Channel(
            id,
            id,
            ChannelKind.WEBHOOK,
            new ChannelSecrets(receiver.url(), "", ""),
            "",
            "",
            Map.of()),
        NOW);
  }

  /** A 96.875 % 30-day SLO (1 - objective = 1/32, exact in binary) with the label team=payments. */
  private static SloDefinition slo(String webhook) {
    return new SloDefinition(
        "pay-availability",
        0,
        "Payment availability",
        "checkout",
        0.96875,
        Duration.ofDays(30),
        0,
        webhook,
        NOW.minus(Duration.ofDays(1)),
        new SloSpec("availability", 0, List.of(), "30d", 10, "", Map.of("team", "payments")));
  }

  /**
   * Minutes 11:57-11:59: 10 good and 10 failed requests each. Every window from 5 m to 3 d sees 60
   * requests, 30 bad: burn rate 0.5 / (1/32) = 16 > 14.4, so the 1 h / 5 m page fires (reporting
   * 14.4); budget left 1 - 30 / (60 / 32) = -15.
   */
  private void seedHalfFailingMinutes() {
    SpanSeeder seeder = SpanSeeder.create();
    for (int minute = 1; minute <= 3; minute++) {
      Instant at = NOW.minus(Duration.ofMinutes(minute));
      seeder.requests(10, "checkout", "POST /pay", "SERVER", at, Duration.ofMillis(1), false);
      seeder.requests(10, "checkout", "POST /pay", "SERVER", at, Duration.ofMillis(1), true);
    }
    seeder.insertInto(store);
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

  private static String golden(String name) throws IOException {
    try (InputStream in = SloRoutingIT.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
