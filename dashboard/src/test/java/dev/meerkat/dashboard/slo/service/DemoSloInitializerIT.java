package dev.meerkat.dashboard.slo.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.dashboard.slo.domain.SloDraft;
import dev.meerkat.dashboard.slo.store.JdbcSloRepository;
import dev.meerkat.dashboard.testing.StateDatabase;
import dev.meerkat.notify.HostResolver;
import dev.meerkat.notify.OutboundPolicy;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.query.ClickHouseRequestCellRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseServiceMetricsRepository;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The demo's SLO is created once in the relational store, with its webhook, and a restart does not
 * duplicate it.
 */
class DemoSloInitializerIT {
  private static final String WEBHOOK = "http://127.0.0.1:7003/alerts";

  private final ClickHouseStore store = ClickHouseFixture.shared().newDatabase();
  private final StateDatabase.Connection state = StateDatabase.h2().open();
  private final JdbcSloRepository slos = new JdbcSloRepository(state.jdbc(), state.transactions());
  private final SloService service =
      new SloService(
          slos,
          Map::of,
          new ClickHouseServiceMetricsRepository(store),
          new RollupEventCountSource(new ClickHouseRequestCellRepository(store)),
          Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC),
          // As deploy/local/demo.sh allows the demo's receiver.
          OutboundPolicy.allowing(List.of("127.0.0.1:7003")),
          HostResolver.system());

  @AfterEach
  void close() {
    state.close();
    store.close();
  }

  @Test
  void createsTheCheckoutSloOnceAcrossRestarts() {
    new DemoSloInitializer(service, WEBHOOK).run(null);
    new DemoSloInitializer(service, WEBHOOK).run(null);

    assertThat(slos.listCurrent())
        .singleElement()
        .satisfies(
            slo -> {
              assertThat(slo.id()).isEqualTo("checkout-availability");
              assertThat(slo.name()).isEqualTo("Checkout availability");
              assertThat(slo.service()).isEqualTo("checkout");
              assertThat(slo.objective()).isEqualTo(0.995);
              assertThat(slo.window()).isEqualTo(Duration.ofDays(30));
              assertThat(slo.spec())
                  .isEqualTo(new SloSpec("availability", 0, List.of(), "30d", 10, ""));
              assertThat(slo.webhookUrl()).isEqualTo(WEBHOOK);
              assertThat(slo.version()).isEqualTo(1);
            });
  }

  @Test
  void keepsAnExistingCheckoutSloAsItIs() {
    SloDefinition own =
        slos.save(
            new SloDefinition(
                "mine",
                0,
                "My checkout SLO",
                "checkout",
                0.99,
                Duration.ofDays(7),
                5.0,
                "",
                Instant.parse("2026-03-01T11:00:00Z")));

    new DemoSloInitializer(service, WEBHOOK).run(null);

    assertThat(slos.listCurrent()).containsExactly(own);
  }

  @Test
  void anSloWebhookToTheCloudMetadataAddressIsRefusedOnSave() {
    SloDraft draft =
        new SloDraft("meta", "Meta", "checkout", "availability", null, List.of(), 99.5, "30d");

    assertThatThrownBy(() -> service.save(draft, "http://169.254.169.254/latest/meta-data", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Webhook URL: 169.254.169.254 is link-local (cloud metadata); add it to"
                + " meerkat.outbound.allow to permit it");
    assertThat(slos.listCurrent()).isEmpty();
  }
}
