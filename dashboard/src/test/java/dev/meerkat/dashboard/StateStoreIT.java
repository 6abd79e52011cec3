package dev.meerkat.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.dashboard.alerting.domain.AlertStatus;
import dev.meerkat.dashboard.alerting.domain.DeliveryAttempt;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.Severity;
import dev.meerkat.dashboard.alerting.service.AlertStore.ConcurrentChangeException;
import dev.meerkat.dashboard.alerting.store.JdbcAlertStore;
import dev.meerkat.dashboard.alerting.store.JdbcEvaluatorLease;
import dev.meerkat.dashboard.alerting.store.JdbcOutbox;
import dev.meerkat.dashboard.slo.service.SloDefinitionCarryOver;
import dev.meerkat.dashboard.slo.store.JdbcOneTimeMigrations;
import dev.meerkat.dashboard.slo.store.JdbcSloRepository;
import dev.meerkat.dashboard.testing.StateDatabase;
import dev.meerkat.notify.AlertNotification;
import dev.meerkat.store.slo.AlertState;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * The relational state store's migrations and repositories, on H2 (as the dashboard opens it by
 * default) and on a real PostgreSQL 15: the same SQL must behave the same on both.
 */
class StateStoreIT {

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
  void keepsTheCurrentSloVersionAndEveryVersionBeforeIt(String kind) {
    StateDatabase.Connection db = connect(kind);
    JdbcSloRepository slos = new JdbcSloRepository(db.jdbc(), db.transactions());

    SloDefinition first = slos.save(slo("a", "Checkout", 0.99, T0));
    SloDefinition second = slos.save(slo("a", "Checkout (stricter)", 0.995, T0.plusSeconds(60)));
    SloDefinition other = slos.save(slo("b", "Cart", 0.9, T0));

    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(slos.listCurrent()).containsExactly(other, second);
    assertThat(slos.find("a")).contains(second);

    slos.delete("a", T0.plusSeconds(120));

    assertThat(slos.listCurrent()).containsExactly(other);
    assertThat(slos.find("a")).isEmpty();
    assertThat(slos.versions("a"))
        .extracting(SloDefinition::version, SloDefinition::name, SloDefinition::updatedAt)
        .containsExactly(
            tuple(1L, "Checkout", T0),
            tuple(2L, "Checkout (stricter)", T0.plusSeconds(60)),
            tuple(3L, "Checkout (stricter)", T0.plusSeconds(120)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void carriesSloDefinitionsOverOnceAndRecordsIt(String kind) {
    StateDatabase.Connection db = connect(kind);
    JdbcSloRepository slos = new JdbcSloRepository(db.jdbc(), db.transactions());
    JdbcOneTimeMigrations migrations = new JdbcOneTimeMigrations(db.jdbc());
    List<SloDefinition> inClickHouse =
        new ArrayList<>(List.of(slo("a", "Checkout", 0.99, T0), slo("b", "Cart", 0.9, T0)));
    Supplier<List<SloDefinition>> source = () -> List.copyOf(inClickHouse);

    assertThat(new SloDefinitionCarryOver(source, slos, migrations).run(T0)).isEqualTo(2);
    // A later start copies nothing, even what ClickHouse gained since (it is no longer written).
    inClickHouse.add(slo("c", "Search", 0.9, T0));
    assertThat(new SloDefinitionCarryOver(source, slos, migrations).run(T0.plusSeconds(60)))
        .isZero();

    assertThat(slos.listCurrent()).extracting(SloDefinition::id).containsExactly("b", "a");
    assertThat(migrations.isDone("slo-definitions-from-clickhouse")).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void writesAStateChangeAndItsNotificationTogetherOrNeither(String kind) {
    StateDatabase.Connection db = connect(kind);
    JdbcOutbox outbox = new JdbcOutbox(db.jdbc(), db.transactions());
    JdbcAlertStore alerts = new JdbcAlertStore(db.jdbc(), db.transactions(), outbox);
    AlertStatus firing = AlertStatus.initial("a").changeTo(AlertState.FIRING, T0);
    OutboxEntry entry = entry("o1", "a", AlertState.FIRING, T0);

    alerts.recordChange(firing, Optional.of(entry));

    assertThat(alerts.currentStates()).containsExactly(Map.entry("a:page", firing));
    assertThat(outbox.find("o1")).contains(entry);

    // The resolution's notification collides with an existing idempotency key: the transaction
    // rolls back, and the state stays FIRING.
    AlertStatus resolved = firing.changeTo(AlertState.RESOLVED, T0.plusSeconds(600));
    OutboxEntry clash = entry("o1", "a", AlertState.FIRING, T0);
    assertThatThrownBy(() -> alerts.recordChange(resolved, Optional.of(clash)))
        .isInstanceOf(DataIntegrityViolationException.class);
    assertThat(alerts.currentStates()).containsExactly(Map.entry("a:page", firing));

    alerts.recordChange(resolved, Optional.of(entry("o2", "a", AlertState.RESOLVED, T0)));
    assertThat(alerts.currentStates().get("a:page"))
        .isEqualTo(
            new AlertStatus("a", Severity.PAGE, AlertState.RESOLVED, T0, T0.plusSeconds(600), 2));
    assertThat(outbox.all()).extracting(OutboxEntry::id).containsExactly("o1", "o2");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void refusesAChangeDecidedFromAStaleState(String kind) {
    StateDatabase.Connection db = connect(kind);
    JdbcOutbox outbox = new JdbcOutbox(db.jdbc(), db.transactions());
    JdbcAlertStore alerts = new JdbcAlertStore(db.jdbc(), db.transactions(), outbox);
    AlertStatus initial = AlertStatus.initial("a");
    alerts.recordChange(initial.changeTo(AlertState.FIRING, T0), Optional.empty());

    assertThatThrownBy(
            () ->
                alerts.recordChange(
                    initial.changeTo(AlertState.FIRING, T0.plusSeconds(30)),
                    Optional.of(entry("o1", "a", AlertState.FIRING, T0.plusSeconds(30)))))
        .isInstanceOf(ConcurrentChangeException.class);
    assertThat(outbox.all()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void recordsAttemptsOnlyOverTheExpectedAttemptCount(String kind) {
    StateDatabase.Connection db = connect(kind);
    JdbcOutbox outbox = new JdbcOutbox(db.jdbc(), db.transactions());
    JdbcAlertStore alerts = new JdbcAlertStore(db.jdbc(), db.transactions(), outbox);
    alerts.recordChange(
        AlertStatus.initial("a").changeTo(AlertState.FIRING, T0),
        Optional.of(entry("o1", "a", AlertState.FIRING, T0)));
    DeliveryAttempt failed =
        new DeliveryAttempt(
            "o1", 1, T0, 503, Duration.ofMillis(12), DeliveryStatus.RETRYING, "HTTP 503");

    assertThat(outbox.due(T0, 10)).extracting(OutboxEntry::id).containsExactly("o1");
    assertThat(outbox.recordAttempt(failed, T0.plusSeconds(5))).isTrue();
    assertThat(outbox.recordAttempt(failed, T0.plusSeconds(5))).as("recorded twice").isFalse();

    assertThat(outbox.due(T0.plusSeconds(4), 10)).isEmpty();
    assertThat(outbox.due(T0.plusSeconds(5), 10))
        .extracting(OutboxEntry::attempts)
        .containsExactly(1);
    assertThat(outbox.attempts("o1")).containsExactly(failed);
    assertThat(outbox.byAlertEvent(List.of("event-o1", "unknown")).keySet())
        .containsExactly("event-o1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void leaseGoesToOneHolderAndPassesOnAfterExpiryOrRelease(String kind) {
    StateDatabase.Connection db = connect(kind);
    JdbcEvaluatorLease lease = new JdbcEvaluatorLease(db.jdbc(), db.transactions());
    Duration ttl = Duration.ofSeconds(90);

    assertThat(lease.tryAcquire("a", T0, ttl)).isTrue();
    assertThat(lease.tryAcquire("b", T0.plusSeconds(1), ttl)).isFalse();
    assertThat(lease.tryAcquire("a", T0.plusSeconds(60), ttl)).as("renewal").isTrue();
    assertThat(lease.tryAcquire("b", T0.plusSeconds(149), ttl)).as("renewed until 150").isFalse();
    assertThat(lease.tryAcquire("b", T0.plusSeconds(151), ttl)).as("expired").isTrue();
    assertThat(lease.holder()).isEqualTo("b");
    assertThat(lease.tryAcquire("a", T0.plusSeconds(152), ttl)).isFalse();

    lease.release("b");
    assertThat(lease.tryAcquire("a", T0.plusSeconds(153), ttl)).as("released").isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void v2CarriesExistingSlosAndAlertStatesOver(String kind) {
    StateDatabase database =
        kind.equals("h2") ? StateDatabase.h2("1") : StateDatabase.postgres("1");
    try (StateDatabase.Connection v1 = database.open()) {
      for (String table : List.of("slo_definitions", "slo_definition_versions")) {
        insertV1Slo(v1, table, "weekly", 604_800);
        insertV1Slo(v1, table, "daily", 86_400);
      }
      v1.jdbc()
          .sql(
              "INSERT INTO alert_states (alert_key, slo_id, state, incident_start, changed_at,"
                  + " version) VALUES ('slo:weekly', 'weekly', 'FIRING', ?, ?, 3)")
          .params(utc(T0), utc(T0))
          .update();
    }

    database.migrate();

    StateDatabase.Connection db = database.open();
    closeables.add(db);
    JdbcSloRepository slos = new JdbcSloRepository(db.jdbc(), db.transactions());
    // Availability of the whole service, guard 10; 7 days stays, the old 1-day window becomes 30d.
    assertThat(slos.find("weekly").orElseThrow().spec())
        .isEqualTo(new SloSpec("availability", 0, List.of(), "7d", 10, ""));
    assertThat(slos.find("daily").orElseThrow().spec())
        .isEqualTo(new SloSpec("availability", 0, List.of(), "30d", 10, ""));
    assertThat(slos.versions("daily")).extracting(d -> d.spec().window()).containsExactly("30d");
    // The single-threshold alert became the page alert, and changes continue from its version.
    JdbcAlertStore alerts =
        new JdbcAlertStore(
            db.jdbc(), db.transactions(), new JdbcOutbox(db.jdbc(), db.transactions()));
    AlertStatus carried = new AlertStatus("weekly", Severity.PAGE, AlertState.FIRING, T0, T0, 3);
    assertThat(alerts.currentStates()).containsExactly(Map.entry("weekly:page", carried));
    AlertStatus resolved = carried.changeTo(AlertState.RESOLVED, T0.plusSeconds(60));
    alerts.recordChange(resolved, Optional.empty());
    assertThat(alerts.currentStates()).containsExactly(Map.entry("weekly:page", resolved));
  }

  @ParameterizedTest
  @ValueSource(strings = {"h2", "postgres"})
  void storesWhatAnSloMeasuresAndItsGuardAndOrigin(String kind) {
    StateDatabase.Connection db = connect(kind);
    JdbcSloRepository slos = new JdbcSloRepository(db.jdbc(), db.transactions());
    SloSpec latency =
        new SloSpec("latency", 300, List.of("POST /pay", "POST /refund"), "month", 25, "slos.yaml");

    SloDefinition saved =
        slos.save(
            new SloDefinition(
                "pay-latency",
                0,
                "Pay latency",
                "checkout",
                0.99,
                Duration.ofDays(30),
                0,
                "",
                T0,
                latency));

    assertThat(slos.find("pay-latency")).contains(saved);
    assertThat(saved.spec()).isEqualTo(latency);
    assertThat(slos.versions("pay-latency")).containsExactly(saved);
    // Alert states of the two severities are separate rows.
    JdbcAlertStore alerts =
        new JdbcAlertStore(
            db.jdbc(), db.transactions(), new JdbcOutbox(db.jdbc(), db.transactions()));
    AlertStatus page =
        AlertStatus.initial("pay-latency", Severity.PAGE).changeTo(AlertState.FIRING, T0);
    AlertStatus ticket =
        AlertStatus.initial("pay-latency", Severity.TICKET)
            .changeTo(AlertState.FIRING, T0.plusSeconds(5));
    alerts.recordChange(page, Optional.empty());
    alerts.recordChange(ticket, Optional.empty());
    assertThat(alerts.currentStates())
        .containsExactly(
            Map.entry("pay-latency:page", page), Map.entry("pay-latency:ticket", ticket));
  }

  private static void insertV1Slo(
      StateDatabase.Connection db, String table, String id, long window) {
    db.jdbc()
        .sql(
            "INSERT INTO "
                + table
                + " (id, version, name, service, objective, window_seconds, burn_rate_threshold,"
                + " webhook_url, updated_at, deleted) VALUES (?, 1, ?, 'checkout', 0.99, ?, 2.0,"
                + " '', ?, FALSE)")
        .params(id, id, window, utc(T0))
        .update();
  }

  private static OffsetDateTime utc(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  private static SloDefinition slo(String id, String name, double objective, Instant at) {
    return new SloDefinition(
        id, 0, name, "checkout", objective, Duration.ofDays(30), 14.4, "http://hook/" + id, at);
  }

  private static OutboxEntry entry(String id, String sloId, AlertState state, Instant at) {
    return OutboxEntry.pending(
        id,
        "event-" + id,
        "http://127.0.0.1:9/hook/token",
        new AlertNotification(
            state,
            sloId,
            "SLO " + sloId,
            "checkout",
            0.999,
            Duration.ofDays(30),
            14.4,
            14.4,
            -0.25,
            at,
            at,
            "http://dashboard.example/slos"),
        at);
  }
}
