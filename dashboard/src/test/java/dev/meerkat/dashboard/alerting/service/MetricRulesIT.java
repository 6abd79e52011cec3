package dev.meerkat.dashboard.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.dashboard.alerting.domain.AlertRoute;
import dev.meerkat.dashboard.alerting.domain.Channel;
import dev.meerkat.dashboard.alerting.domain.ChannelKind;
import dev.meerkat.dashboard.alerting.domain.ChannelSecrets;
import dev.meerkat.dashboard.alerting.domain.DeliveryAttempt;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.LabelMatchers;
import dev.meerkat.dashboard.alerting.domain.MetricRule;
import dev.meerkat.dashboard.alerting.domain.MetricSeries;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.RetrySchedule;
import dev.meerkat.dashboard.alerting.domain.Silence;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import dev.meerkat.dashboard.alerting.store.JdbcChannelRepository;
import dev.meerkat.dashboard.alerting.store.JdbcMetricRuleStore;
import dev.meerkat.dashboard.alerting.store.JdbcOutbox;
import dev.meerkat.dashboard.alerting.store.JdbcRoutingStore;
import dev.meerkat.dashboard.testing.Deliveries;
import dev.meerkat.dashboard.testing.HttpReceiver;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.StateDatabase;
import dev.meerkat.dashboard.testing.TestClock;
import dev.meerkat.dashboard.testing.TestSecrets;
import dev.meerkat.notify.GenericWebhookNotifier;
import dev.meerkat.notify.HostResolver;
import dev.meerkat.notify.RetryPolicy;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.query.ClickHouseMetricValueRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseRequestCellRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseServiceMetricsRepository;
import dev.meerkat.store.clickhouse.slo.ClickHouseAlertEventRepository;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.clickhouse.write.ClickHouseMetricWriter;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.AlertState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Metric rules end to end: rollups seeded in a real ClickHouse, rules, channels, routes and
 * silences in a real H2 state store, evaluation once a minute on a test clock, the delivery worker
 * building each notifier from the outbox row's channel, and a real local webhook receiver.
 */
class MetricRulesIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:30Z");
  private static final Instant MINUTE_0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final Duration MS = Duration.ofMillis(1);
  private static final String HMAC = "hmac-secret-for-tests";
  private static final Duration GROUP_WAIT = Duration.ofSeconds(30);

  private final ClickHouseStore store = ClickHouseFixture.shared().newDatabase();
  private final StateDatabase.Connection state = StateDatabase.h2().open();
  private final HttpReceiver receiver = new HttpReceiver();
  private final TestClock clock = new TestClock(T0);
  private final JdbcOutbox outbox = new JdbcOutbox(state.jdbc(), state.transactions());
  private final JdbcRoutingStore routing = new JdbcRoutingStore(state.jdbc());
  private final JdbcChannelRepository channels =
      new JdbcChannelRepository(state.jdbc(), state.transactions(), TestSecrets.cipher());
  private final JdbcMetricRuleStore rules =
      new JdbcMetricRuleStore(state.jdbc(), state.transactions(), outbox, routing);
  private final AlertEventRepository history = new ClickHouseAlertEventRepository(store);
  private final MetricRuleEvaluation evaluation =
      new MetricRuleEvaluation(
          rules,
          new RedSeriesReader(
              new ClickHouseServiceMetricsRepository(store),
              new ClickHouseRequestCellRepository(store),
              new ClickHouseMetricValueRepository(store)),
          new NotificationRouter(routing, channels, outbox, GROUP_WAIT),
          history,
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
  private final ChannelService channelService =
      new ChannelService(
          channels,
          outbox,
          clock,
          "http://dashboard.example",
          HttpReceiver.LOOPBACK_ALLOWED,
          HostResolver.system());

  @AfterEach
  void close() {
    worker.close();
    receiver.close();
    state.close();
    store.close();
  }

  @Test
  void oneAlertPerServiceFiresAfterTheForDurationAndResolvesSilencedOnesAreNotSent() {
    Channel hook = webhookChannel();
    routing.saveRoute(new AlertRoute("all", 1, LabelMatchers.ANY, List.of(hook.id()), false));
    routing.saveSilence(
        new Silence(
            "cart-deploy",
            LabelMatchers.parse("service=cart"),
            "deploy",
            "test",
            T0,
            T0.plus(Duration.ofHours(1))));
    MetricRule rule = errorRateRule("", Duration.ofMinutes(2));
    rules.save(rule, T0);

    // Minutes 11:50-12:14: 10 good requests per minute for three services; 11:59-12:04: 10 failed
    // requests per minute more for checkout and cart (half their requests in those minutes).
    SpanSeeder seeder = SpanSeeder.create();
    for (int m = -10; m <= 14; m++) {
      Instant minute = MINUTE_0.plus(Duration.ofMinutes(m));
      for (String service : List.of("checkout", "cart", "inventory")) {
        seeder.requests(10, service, "GET /", "SERVER", minute, MS, false);
        if (m >= -1 && m <= 4 && !service.equals("inventory")) {
          seeder.requests(10, service, "GET /", "SERVER", minute, MS, true);
        }
      }
    }
    seeder.insertInto(store);

    List<String> events = evaluateEveryMinute(12);

    // 12:00:30 sees 11:55-11:59: 10 failed of 60 = 16.7 % > 5 %: PENDING; held 2 minutes at
    // 12:02:30: FIRING. The last failed minute, 12:04, leaves the 5-minute window at 12:10:00:
    // RESOLVED at 12:10:30 (at 12:09:30 the window 12:04-12:08 still has 10 of 60 failed).
    assertThat(events)
        .containsExactly(
            "12:02:30 cart FIRING",
            "12:02:30 checkout FIRING",
            "12:10:30 cart RESOLVED",
            "12:10:30 checkout RESOLVED");
    deliverAll();

    // Only checkout's notifications were sent; cart's were suppressed by the silence.
    long fired = Instant.parse("2026-03-01T12:02:30Z").getEpochSecond();
    String alert = "rule:" + rule.id() + "/checkout";
    assertThat(receiver.keys())
        .containsExactly(
            alert + ":page:" + fired + ":firing", alert + ":page:" + fired + ":resolved");
    // At 12:02:30 the window 11:57-12:01 held 80 requests, 30 failed: 37.5 %. The rule's own
    // payload, read back from the outbox row, exactly as written by hand.
    assertThat(receiver.bodies().getFirst()).isEqualTo(golden("rule-firing-checkout.json"));
    assertThat(routing.suppressions(10))
        .extracting(Suppression::reason, Suppression::suppressedBy, Suppression::idempotencyKey)
        .containsExactlyInAnyOrder(
            tuple(
                Suppression.Reason.SILENCED,
                "cart-deploy",
                "rule:" + rule.id() + "/cart:page:" + fired + ":firing@" + hook.id()),
            tuple(
                Suppression.Reason.SILENCED,
                "cart-deploy",
                "rule:" + rule.id() + "/cart:page:" + fired + ":resolved@" + hook.id()));
    assertThat(outbox.all())
        .extracting(OutboxEntry::channelId, OutboxEntry::status)
        .containsOnly(tuple(hook.id(), DeliveryStatus.DELIVERED))
        .hasSize(2);
    // inventory never breached: it never had a state to store.
    assertThat(rules.states(rule.id()).keySet()).containsExactly("cart", "checkout");
    assertThat(rules.states(rule.id()).values())
        .extracting(s -> s.state().name())
        .containsOnly("RESOLVED");
  }

  @Test
  void noDataFiresAfterTheForDurationAndResolvesWhenTrafficReturns() {
    Channel hook = webhookChannel();
    routing.saveRoute(new AlertRoute("all", 1, LabelMatchers.ANY, List.of(hook.id()), false));
    MetricRule rule =
        new MetricRule(
            "checkout-silent",
            "Checkout silent",
            MetricSeries.REQUEST_RATE,
            "checkout",
            MetricRule.Comparison.ABOVE,
            1000,
            Duration.ofMinutes(5),
            Duration.ofMinutes(2),
            MetricRule.NoData.FIRE,
            Duration.ZERO,
            Map.of("severity", "ticket"),
            true);
    rules.save(rule, T0);
    // Traffic 11:50-11:59, then none until 12:09, then again.
    SpanSeeder seeder = SpanSeeder.create();
    for (int m = -10; m <= 14; m++) {
      if (m < 0 || m >= 9) {
        seeder.requests(
            5, "checkout", "GET /", "SERVER", MINUTE_0.plus(Duration.ofMinutes(m)), MS, false);
      }
    }
    seeder.insertInto(store);

    // 11:59 leaves the window at 12:05:00: no data at 12:05:30 (PENDING), FIRING at 12:07:30;
    // 12:09 enters the window at 12:10:00: RESOLVED at 12:10:30.
    assertThat(evaluateEveryMinute(12))
        .containsExactly("12:07:30 checkout FIRING", "12:10:30 checkout RESOLVED");
    deliverAll();
    long fired = Instant.parse("2026-03-01T12:07:30Z").getEpochSecond();
    assertThat(receiver.keys())
        .containsExactly(
            "rule:checkout-silent/checkout:ticket:" + fired + ":firing",
            "rule:checkout-silent/checkout:ticket:" + fired + ":resolved");
  }

  @Test
  void aRuleOnAStoredMetricFiresPerServiceOnTheMeanOverTheWindow() {
    Channel hook = webhookChannel();
    routing.saveRoute(new AlertRoute("all", 1, LabelMatchers.ANY, List.of(hook.id()), false));
    MetricRule rule =
        new MetricRule(
            "queue",
            "Queue too deep",
            MetricSeries.METRIC,
            "",
            MetricRule.Comparison.ABOVE,
            100,
            Duration.ofMinutes(2),
            Duration.ZERO,
            MetricRule.NoData.OK,
            Duration.ZERO,
            Map.of("severity", "ticket"),
            true,
            "queue.depth");
    rules.save(rule, T0);
    // api: 80 at 11:58, 140 at 11:59, then 40 from 12:00; worker: 50 throughout.
    List<MetricPointRecord> points = new ArrayList<>();
    for (int m = -2; m <= 3; m++) {
      Instant at = MINUTE_0.plus(Duration.ofMinutes(m)).plusSeconds(15);
      points.add(gauge("api", at, m == -2 ? 80 : m == -1 ? 140 : 40));
      points.add(gauge("worker", at, 50));
    }
    ClickHouseMetricWriter.create(store).write(points);

    // 12:00:30 sees 11:58-11:59: mean (80 + 140) / 2 = 110 > 100: api fires, worker (50) not.
    // 12:01:30 sees 11:59-12:00: (140 + 40) / 2 = 90: resolved.
    assertThat(evaluateEveryMinute(3))
        .containsExactly("12:00:30 api FIRING", "12:01:30 api RESOLVED");
    assertThat(receiver.bodies().getFirst()).contains("queue.depth above 100 over 2m");
  }

  @Test
  void alertsOfOneGroupGoToAnAlertmanagerChannelAsOnePayloadAfterTheGroupWait() {
    Channel alertmanager =
        new Channel(
            "am",
            "Alertmanager bridge",
            ChannelKind.ALERTMANAGER,
            new ChannelSecrets(receiver.url(), "", ""),
            "",
            "oncall",
            Map.of());
    channels.save(alertmanager, T0);
    routing.saveRoute(new AlertRoute("all", 1, LabelMatchers.ANY, List.of("am"), false));
    MetricRule rule = errorRateRule("", Duration.ZERO);
    rules.save(rule, T0);
    SpanSeeder.create()
        .requests(10, "checkout", "GET /", "SERVER", MINUTE_0.minusSeconds(60), MS, true)
        .requests(10, "cart", "GET /", "SERVER", MINUTE_0.minusSeconds(60), MS, true)
        .insertInto(store);

    assertThat(evaluation.evaluateAll(T0)).hasSize(2);
    deliverAll();
    assertThat(receiver.requests()).isEmpty(); // the group waits 30 s

    clock.set(T0.plus(GROUP_WAIT));
    deliverAll();

    long fired = T0.getEpochSecond();
    assertThat(receiver.keys()).containsExactly("rule:error-rate/cart:page:" + fired + ":firing+1");
    assertThat(receiver.bodies().getFirst())
        .contains(
            "\"groupKey\": \"{}:{alertname=\\\"Checkout errors\\\", severity=\\\"page\\\"}\"",
            "\"receiver\": \"oncall\"",
            "\"slo\": \"rule:error-rate/cart\"",
            "\"slo\": \"rule:error-rate/checkout\"");
    assertThat(outbox.all())
        .extracting(OutboxEntry::status, OutboxEntry::attempts)
        .containsExactly(tuple(DeliveryStatus.DELIVERED, 1), tuple(DeliveryStatus.DELIVERED, 1));
  }

  @Test
  void testNotificationGoesThroughTheOutboxSignedAndIsLoggedPerAttempt() throws Exception {
    Channel hook = webhookChannel();

    String id = channelService.sendTest(hook.id()).orElseThrow();
    deliverAll();

    assertThat(outbox.attempts(id)).extracting(DeliveryAttempt::error).containsExactly("");
    HttpReceiver.Request request = receiver.requests().getFirst();
    assertThat(receiver.requests()).hasSize(1);
    assertThat(request.body()).contains("Test notification from Meerkat to Team hook");
    assertThat(request.signature()).isEqualTo("sha256=" + hmacSha256(HMAC, request.body()));
    OutboxEntry row = outbox.find(id).orElseThrow();
    assertThat(row.test()).isTrue();
    assertThat(row.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(outbox.attempts(id))
        .extracting(DeliveryAttempt::attempt, DeliveryAttempt::statusCode, DeliveryAttempt::outcome)
        .containsExactly(tuple(1, 200, DeliveryStatus.DELIVERED));

    // Stored apart: the listing column holds the masked URL, the secret column the real one,
    // encrypted.
    Map<String, Object> stored =
        state
            .jdbc()
            .sql("SELECT endpoint, secret FROM channels WHERE id = ?")
            .param(hook.id())
            .query()
            .singleRow();
    assertThat(stored.get("endpoint")).isEqualTo(hook.maskedEndpoint());
    assertThat((String) stored.get("endpoint")).doesNotContain("/hook/", "secret-token");
    String secret = (String) stored.get("secret");
    assertThat(secret).doesNotContain("secret-token", HMAC);
    assertThat(TestSecrets.cipher().open(secret, hook.id())).contains(receiver.url(), HMAC);
  }

  @Test
  void aNotificationToADeletedChannelIsDeadAtOnce() {
    Channel hook = webhookChannel();
    String id = channelService.sendTest(hook.id()).orElseThrow();
    channels.delete(hook.id());

    deliverAll();

    assertThat(outbox.attempts(id))
        .extracting(DeliveryAttempt::statusCode, DeliveryAttempt::outcome, DeliveryAttempt::error)
        .containsExactly(tuple(0, DeliveryStatus.DEAD, "channel was deleted"));
    assertThat(receiver.requests()).isEmpty();
  }

  /**
   * Evaluates at T0 + m minutes for m in [0, minutes), delivering after each round as the delivery
   * loop would; "hh:mm:ss service STATE" per event.
   */
  private List<String> evaluateEveryMinute(int minutes) {
    List<String> events = new ArrayList<>();
    for (int m = 0; m < minutes; m++) {
      Instant now = T0.plus(Duration.ofMinutes(m));
      clock.set(now);
      evaluation.evaluateAll(now).stream()
          .sorted(Comparator.comparing(AlertEvent::service))
          .forEach(
              e ->
                  events.add(
                      e.eventTime().toString().substring(11, 19)
                          + " "
                          + e.service()
                          + " "
                          + e.state()));
      deliverAll();
    }
    assertThat(history.history(0, 100)).extracting(AlertEvent::state).doesNotContain(AlertState.OK);
    return events;
  }

  private static MetricRule errorRateRule(String service, Duration hold) {
    return new MetricRule(
        "error-rate",
        "Checkout errors",
        MetricSeries.ERROR_RATE,
        service,
        MetricRule.Comparison.ABOVE,
        5,
        Duration.ofMinutes(5),
        hold,
        MetricRule.NoData.OK,
        Duration.ZERO,
        Map.of("severity", "page"),
        true);
  }

  private static String golden(String name) {
    try (InputStream in = MetricRulesIT.class.getResourceAsStream("/golden/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Channel webhookChannel() {
    Channel hook =
        new Channel(
            "team-hook",
            "Team hook",
            ChannelKind.WEBHOOK,
            new ChannelSecrets(receiver.url(), "", HMAC),
            "",
            "",
            Map.of("team", "payments"));
    channels.save(hook, T0);
    return hook;
  }

  private void deliverAll() {
    Deliveries.deliverAll(worker, outbox, clock);
  }

  private static MetricPointRecord gauge(String service, Instant at, double value) {
    long nanos = at.getEpochSecond() * 1_000_000_000L;
    return MetricPointRecord.builder(MetricType.GAUGE, service, "queue.depth")
        .time(nanos, nanos)
        .value(value)
        .build();
  }

  private static String hmacSha256(String secret, String body) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }
}
