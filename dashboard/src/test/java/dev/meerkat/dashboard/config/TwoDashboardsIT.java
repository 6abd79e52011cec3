package dev.meerkat.dashboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.service.DeliveryLoop;
import dev.meerkat.dashboard.alerting.service.SloEvaluator;
import dev.meerkat.dashboard.alerting.store.JdbcEvaluatorLease;
import dev.meerkat.dashboard.alerting.store.JdbcOutbox;
import dev.meerkat.dashboard.testing.HttpReceiver;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.StateDatabase;
import dev.meerkat.dashboard.testing.TestClock;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.SchemaMigrator;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.AlertState;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Two dashboard application contexts (the dashboard's own storage, state-store and alerting
 * configuration; no web layer) on ONE real PostgreSQL and one ClickHouse: exactly one holds the
 * evaluator lease, evaluates and delivers; when it dies without releasing the lease, the other
 * takes over once the lease expired on the shared test clock, and nothing is sent twice.
 */
class TwoDashboardsIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:30Z");
  private static final Duration LEASE_TTL = Duration.ofMinutes(10);
  private static final Duration MS = Duration.ofMillis(1);

  private final ClickHouseConfig clickHouse = ClickHouseFixture.shared().newDatabaseConfig();
  private final StateDatabase state = StateDatabase.postgres();
  private final HttpReceiver receiver = new HttpReceiver();
  private final TestClock clock = new TestClock(T0);
  private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

  @AfterEach
  void close() {
    contexts.forEach(ConfigurableApplicationContext::close);
    receiver.close();
  }

  @Test
  void exactlyOneDashboardEvaluatesAndDeliversAndTheOtherTakesOverAfterExpiry() throws IOException {
    try (ClickHouseStore store = ClickHouseStore.connect(clickHouse)) {
      store.createDatabaseIfMissing();
      SchemaMigrator.create(store).migrate();
      SpanSeeder outage = SpanSeeder.create();
      for (int minute = 1; minute <= 3; minute++) {
        Instant at = T0.minus(Duration.ofMinutes(minute));
        outage.requests(10, "checkout", "POST /pay", "SERVER", at, MS, false);
        outage.requests(10, "checkout", "POST /pay", "SERVER", at, MS, true);
      }
      outage.insertInto(store);
    }
    ConfigurableApplicationContext a = start("dashboard-a");
    SloDefinition slo = a.getBean(SloRepository.class).save(checkoutSlo());

    assertThat(a.getBean(SloEvaluator.class).evaluate()).as("a evaluates").isTrue();
    ConfigurableApplicationContext b = start("dashboard-b");
    assertThat(b.getBean(SloEvaluator.class).evaluate()).as("b stands by").isFalse();
    assertThat(b.getBean(DeliveryLoop.class).pollOnce()).isZero();
    assertThat(a.getBean(DeliveryLoop.class).pollOnce()).isEqualTo(1);
    awaitDelivered(b, 1);
    assertThat(a.getBean(JdbcEvaluatorLease.class).holder()).isEqualTo("dashboard-a");

    // a dies without releasing the lease (its database connections go first).
    a.getBean(HikariDataSource.class).close();
    a.close();
    clock.advance(LEASE_TTL.minusSeconds(1));
    assertThat(b.getBean(SloEvaluator.class).evaluate()).as("lease not expired yet").isFalse();

    // Healthy minutes 12:06-12:39, 100 requests each: at 12:40:30 the 30 m and 5 m windows are
    // clean, so the page resolves; 30 bad of 3460 is a burn rate of 0.87, under every ticket
    // threshold (3 and 1), so no ticket opens.
    try (ClickHouseStore store = ClickHouseStore.connect(clickHouse)) {
      SpanSeeder healthy = SpanSeeder.create();
      for (int minute = 6; minute <= 39; minute++) {
        healthy.requests(
            100, "checkout", "POST /pay", "SERVER", T0.plus(Duration.ofMinutes(minute)), MS, false);
      }
      healthy.insertInto(store);
    }
    clock.set(T0.plus(Duration.ofMinutes(40)));
    assertThat(b.getBean(SloEvaluator.class).evaluate()).as("b took over").isTrue();
    assertThat(b.getBean(DeliveryLoop.class).pollOnce()).isEqualTo(1);
    awaitDelivered(b, 2);

    String incident = slo.id() + ":page:" + T0.getEpochSecond();
    assertThat(receiver.keys()).containsExactly(incident + ":firing", incident + ":resolved");
    assertThat(b.getBean(AlertEventRepository.class).history(0, 10))
        .extracting(AlertEvent::state)
        .containsExactly(AlertState.RESOLVED, AlertState.FIRING);
    assertThat(b.getBean(JdbcEvaluatorLease.class).holder()).isEqualTo("dashboard-b");
  }

  private void awaitDelivered(ConfigurableApplicationContext context, int count) {
    JdbcOutbox outbox = context.getBean(JdbcOutbox.class);
    Poll.until(
        Duration.ofSeconds(30),
        () -> outbox.all().stream().map(OutboxEntry::status).toList(),
        statuses ->
            statuses.size() == count
                && statuses.stream().allMatch(DeliveryStatus.DELIVERED::equals),
        () -> "outbox: " + outbox.all());
  }

  private ConfigurableApplicationContext start(String instanceId) throws IOException {
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Dashboard.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .initializers(c -> c.getBeanFactory().registerSingleton("clock", clock))
            .properties(
                Map.ofEntries(
                    Map.entry("meerkat.clickhouse.url", clickHouse.url()),
                    // The webhook receiver listens on loopback, refused unless allowed.
                    Map.entry("meerkat.outbound.allow", "127.0.0.1"),
                    // Dashboards sharing a state store share the key of its channel secrets.
                    Map.entry(
                        "meerkat.secrets.key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="),
                    Map.entry("meerkat.clickhouse.database", clickHouse.database()),
                    Map.entry("meerkat.state.url", state.url()),
                    Map.entry("meerkat.state.user", state.user()),
                    Map.entry(
                        "meerkat.data-dir",
                        Files.createTempDirectory("meerkat-" + instanceId).toString()),
                    Map.entry("meerkat.slo.evaluation-enabled", "false"),
                    Map.entry("meerkat.delivery.poll-interval", "1h"),
                    Map.entry("meerkat.delivery.lease-ttl", LEASE_TTL.toString()),
                    Map.entry("meerkat.delivery.instance-id", instanceId),
                    Map.entry("meerkat.public-url", "http://dashboard.example")))
            .run();
    contexts.add(context);
    return context;
  }

  private SloDefinition checkoutSlo() {
    return new SloDefinition(
        "checkout-availability",
        0,
        "Checkout availability",
        "checkout",
        0.99,
        Duration.ofDays(1),
        2.0,
        receiver.url(),
        T0.minus(Duration.ofDays(1)));
  }

  /** The dashboard's storage, state and alerting wiring, as the application has it. */
  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(MeerkatProperties.class)
  @Import({StorageConfiguration.class, StateStoreConfiguration.class, AlertingConfiguration.class})
  static class Dashboard {}
}
