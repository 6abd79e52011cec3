package dev.meerkat.dashboard.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.notify.AlertNotification;
import dev.meerkat.notify.AlertState;
import dev.meerkat.notify.GenericWebhookNotifier;
import dev.meerkat.notify.WebhookPayloadFormatter;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.query.ClickHouseServiceMetricsRepository;
import dev.meerkat.store.clickhouse.slo.ClickHouseAlertEventRepository;
import dev.meerkat.store.clickhouse.slo.ClickHouseSloRepository;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.AlertEventState;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real ClickHouse, real webhook receiver, controlled clock: fire once, resolve once. */
class SloAlertingIT {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:30Z");
  private static final Duration MS = Duration.ofMillis(1);

  private final ClickHouseStore store = ClickHouseFixture.shared().newDatabase();
  private final WebhookReceiver receiver;
  private final SloRepository slos = new ClickHouseSloRepository(store);
  private final AlertEventRepository alerts = new ClickHouseAlertEventRepository(store);
  private final SloEvaluation evaluation;

  SloAlertingIT() throws IOException {
    receiver = new WebhookReceiver();
    evaluation =
        new SloEvaluation(
            slos,
            alerts,
            new ClickHouseServiceMetricsRepository(store),
            GenericWebhookNotifier.builder().sleeper(d -> {}).build(),
            "http://dashboard.example/");
  }

  @AfterEach
  void close() {
    receiver.close();
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

    assertThat(evaluation.evaluateAll(later)).hasSize(1);
    assertThat(evaluation.evaluateAll(later)).isEmpty();

    // 1 day window: 30 errors of 160 requests: 1 - 0.1875 / 0.01 = -17.75.
    assertThat(receiver.bodies())
        .containsExactly(
            payload(slo, AlertState.FIRING, 50.0, -49.0, NOW),
            payload(slo, AlertState.RESOLVED, 0.0, -17.75, later));
    assertThat(alerts.history(0, 10))
        .extracting(
            AlertEvent::state,
            AlertEvent::eventTime,
            AlertEvent::deliveryStatus,
            AlertEvent::deliveryAttempts)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(AlertEventState.RESOLVED, later, "delivered", 1),
            org.assertj.core.groups.Tuple.tuple(AlertEventState.FIRING, NOW, "delivered", 1));
  }

  @Test
  void recordsNoChannelWhenSloHasNoWebhook() {
    slos.save(definition(""));
    SpanSeeder.create()
        .requests(10, "checkout", "POST /pay", "SERVER", NOW.minusSeconds(60), MS, true)
        .insertInto(store);

    assertThat(evaluation.evaluateAll(NOW))
        .singleElement()
        .extracting(AlertEvent::state, AlertEvent::deliveryStatus, AlertEvent::deliveryAttempts)
        .containsExactly(AlertEventState.FIRING, "no-channel", 0);
    assertThat(receiver.bodies()).isEmpty();
  }

  @Test
  void quietServiceChangesNothing() {
    slos.save(definition(receiver.url()));

    assertThat(evaluation.evaluateAll(NOW)).isEmpty();
    assertThat(alerts.latestPerSlo()).isEmpty();
  }

  private static SloDefinition definition(String webhook) {
    return new SloDefinition(
        "checkout-availability",
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
