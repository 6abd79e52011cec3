package dev.meerkat.dashboard.alerting.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.dashboard.alerting.domain.AlertRoute;
import dev.meerkat.dashboard.alerting.domain.Channel;
import dev.meerkat.dashboard.alerting.domain.ChannelKind;
import dev.meerkat.dashboard.alerting.domain.ChannelSecrets;
import dev.meerkat.dashboard.alerting.domain.LabelMatchers;
import dev.meerkat.dashboard.alerting.domain.MaintenanceWindow;
import dev.meerkat.dashboard.alerting.domain.MetricRule;
import dev.meerkat.dashboard.alerting.domain.MetricSeries;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.RuleGroupState;
import dev.meerkat.dashboard.alerting.domain.Silence;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import dev.meerkat.dashboard.alerting.service.AlertStore;
import dev.meerkat.dashboard.testing.StateDatabase;
import dev.meerkat.dashboard.testing.TestSecrets;
import dev.meerkat.notify.AlertNotification;
import dev.meerkat.notify.AlertSeverity;
import dev.meerkat.store.slo.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Channels, routes, silences, maintenance windows, metric rules and their states on the embedded H2
 * file and on a real PostgreSQL 15 (the V3 migration and the same SQL on both).
 */
class AlertingStoreIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private final List<AutoCloseable> closeables = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : closeables.reversed()) {
      closeable.close();
    }
  }

  private StateDatabase.Connection connect(String kind) {
    StateDatabase database = kind.equals("h2") ? StateDatabase.h2() : StateDatabase.postgres();
    StateDatabase.Connection connection = database.open();
    closeables.add(connection);
    return connection;
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void channelsKeepSecretsApartAndRoundTrip(String kind) {
    StateDatabase.Connection db = connect(kind);
    JdbcChannelRepository channels =
        new JdbcChannelRepository(db.jdbc(), db.transactions(), TestSecrets.cipher());
    Channel pager =
        new Channel(
            "p",
            "Pager",
            ChannelKind.PAGERDUTY,
            new ChannelSecrets("", "R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY12", ""),
            "",
            "",
            Map.of("team", "payments"));
    Channel slack =
        new Channel(
            "s",
            "Slack",
            ChannelKind.SLACK,
            new ChannelSecrets("https://hooks.slack.com/services/T0/B0/XYZ", "", ""),
            "",
            "",
            Map.of());
    channels.save(pager, T0);
    channels.save(slack, T0);
    Channel renamed =
        new Channel(
            "s", "Slack #ops", slack.kind(), slack.secrets(), "", "", Map.of("team", "ops"));
    channels.save(renamed, T0.plusSeconds(1));

    assertThat(channels.list()).containsExactly(pager, renamed);
    assertThat(
            db.jdbc().sql("SELECT endpoint FROM channels ORDER BY id").query(String.class).list())
        .containsExactly("", "https://hooks.slack.com/…****");
    assertThat(channels.delete("p")).isTrue();
    assertThat(channels.find("p")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void routesSilencesAndWindowsRoundTrip(String kind) {
    StateDatabase.Connection db = connect(kind);
    JdbcRoutingStore routing = new JdbcRoutingStore(db.jdbc());
    AlertRoute second = new AlertRoute("b", 2, LabelMatchers.ANY, List.of("c2"), false);
    AlertRoute first =
        new AlertRoute("a", 1, LabelMatchers.parse("severity=page"), List.of("c1", "c3"), true);
    routing.saveRoute(second);
    routing.saveRoute(first);
    assertThat(routing.routes()).containsExactly(first, second);

    Silence silence =
        new Silence(
            "s", LabelMatchers.parse("service=cart"), "deploy", "me", T0, T0.plusSeconds(3600));
    routing.saveSilence(silence);
    assertThat(routing.silences(T0.plusSeconds(10))).containsExactly(silence);
    assertThat(routing.expireSilence("s", T0.plusSeconds(60))).isTrue();
    assertThat(routing.silences(T0.plusSeconds(60))).isEmpty();
    assertThat(routing.expireSilence("s", T0.plusSeconds(61))).isFalse();

    MaintenanceWindow nightly =
        MaintenanceWindow.daily(
            "n", "backup", LabelMatchers.ANY, LocalTime.of(2, 0), LocalTime.of(3, 0));
    MaintenanceWindow once =
        MaintenanceWindow.once(
            "o", "migration", LabelMatchers.parse("service=db"), T0, T0.plusSeconds(600));
    routing.saveMaintenanceWindow(nightly);
    routing.saveMaintenanceWindow(once);
    assertThat(routing.maintenanceWindows()).containsExactly(nightly, once);

    routing.recordSuppression(
        new Suppression("x", "k@c1", "c1", Suppression.Reason.SILENCED, "s", "firing A", T0));
    routing.recordSuppression(
        new Suppression(
            "y",
            "k2@c1",
            "c1",
            Suppression.Reason.MAINTENANCE,
            "n",
            "firing B",
            T0.plusSeconds(1)));
    assertThat(routing.suppressions(1)).extracting(Suppression::id).containsExactly("y");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void ruleStateChangesAreOptimisticAndCarryTheirNotifications(String kind) {
    StateDatabase.Connection db = connect(kind);
    JdbcOutbox outbox = new JdbcOutbox(db.jdbc(), db.transactions());
    JdbcRoutingStore routing = new JdbcRoutingStore(db.jdbc());
    JdbcMetricRuleStore rules =
        new JdbcMetricRuleStore(db.jdbc(), db.transactions(), outbox, routing);
    MetricRule rule =
        new MetricRule(
            "r",
            "Slow checkout",
            MetricSeries.P99_LATENCY,
            "",
            MetricRule.Comparison.ABOVE,
            250.5,
            Duration.ofMinutes(10),
            Duration.ofMinutes(3),
            MetricRule.NoData.FIRE,
            Duration.ofHours(4),
            Map.of("severity", "ticket"),
            true);
    rules.save(rule, T0);
    assertThat(rules.rules()).containsExactly(rule);

    RuleGroupState pending =
        new RuleGroupState("r", "checkout", RuleGroupState.Phase.PENDING, T0, null, null, 1);
    rules.recordChange(pending, List.of(), List.of());
    Channel channel =
        new Channel(
            "c",
            "Hook",
            ChannelKind.WEBHOOK,
            new ChannelSecrets("http://h/x", "", ""),
            "",
            "",
            null);
    OutboxEntry row =
        OutboxEntry.toChannel("o1", "e1", channel, firing(T0.plusSeconds(180)), T0, false);
    RuleGroupState firing =
        new RuleGroupState(
            "r",
            "checkout",
            RuleGroupState.Phase.FIRING,
            T0,
            T0.plusSeconds(180),
            T0.plusSeconds(180),
            2);
    rules.recordChange(firing, List.of(row), List.of());
    assertThat(rules.states("r")).containsExactly(Map.entry("checkout", firing));
    assertThat(outbox.all())
        .extracting(OutboxEntry::channelId, OutboxEntry::idempotencyKey, OutboxEntry::test)
        .containsExactly(
            tuple(
                "c", "rule:r/checkout:ticket:" + (T0.getEpochSecond() + 180) + ":firing@c", false));
    assertThat(outbox.all().getFirst().notification().severity()).isEqualTo(AlertSeverity.TICKET);

    // A stale writer (version 2 again) changes nothing, not even the outbox.
    OutboxEntry other = row.withIdempotencyKey(row.idempotencyKey() + "#x");
    assertThatThrownBy(
            () ->
                rules.recordChange(
                    new RuleGroupState(
                        "r", "checkout", RuleGroupState.Phase.OK, null, null, null, 2),
                    List.of(other),
                    List.of()))
        .isInstanceOf(AlertStore.ConcurrentChangeException.class);
    assertThat(outbox.all()).hasSize(1);

    // A group's send time is the due time of its rows not attempted yet.
    assertThat(outbox.groupSendTime("am|Slow checkout|ticket")).isEmpty();
    outbox.enqueue(
        OutboxEntry.toChannel("o2", "e2", channel, firing(T0.plusSeconds(240)), T0, false)
            .inGroup("am|Slow checkout|ticket", T0.plusSeconds(30)));
    assertThat(outbox.groupSendTime("am|Slow checkout|ticket")).contains(T0.plusSeconds(30));
    assertThat(outbox.find("o2").orElseThrow().groupKey()).isEqualTo("am|Slow checkout|ticket");
    assertThat(rules.delete("r")).isTrue();
    assertThat(rules.states("r")).isEmpty();
  }

  private static AlertNotification firing(Instant at) {
    return new AlertNotification(
        AlertState.FIRING,
        "rule:r/checkout",
        "Slow checkout",
        "checkout",
        0,
        Duration.ofMinutes(10),
        300,
        250.5,
        1,
        at,
        at,
        "http://d/rules",
        AlertSeverity.TICKET);
  }
}
