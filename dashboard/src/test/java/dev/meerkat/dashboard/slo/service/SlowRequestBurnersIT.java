package dev.meerkat.dashboard.slo.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.dashboard.slo.domain.SlowOperation;
import dev.meerkat.dashboard.slo.store.JdbcSloRepository;
import dev.meerkat.dashboard.testing.SpanSeeder;
import dev.meerkat.dashboard.testing.StateDatabase;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.query.ClickHouseRequestCellRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseTraceRepository;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "What burned the budget" of a latency SLO, from spans seeded in a real ClickHouse (its
 * materialized views fill the latency-bucket rollup) and a real H2 state store.
 */
class SlowRequestBurnersIT {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:30Z");
  private static final Instant MINUTE = Instant.parse("2026-03-01T11:50:00Z");

  private final ClickHouseStore store = ClickHouseFixture.shared().newDatabase();
  private final StateDatabase.Connection state = StateDatabase.h2().open();
  private final JdbcSloRepository slos = new JdbcSloRepository(state.jdbc(), state.transactions());
  private final SlowRequestBurners burners =
      new SlowRequestBurners(
          slos,
          new ClickHouseRequestCellRepository(store),
          new ClickHouseTraceRepository(store),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterEach
  void close() {
    state.close();
    store.close();
  }

  /**
   * Threshold 300 ms = 300 000 µs; 4 log2(300 000) = 72.78, so bucket 72 ([262.1, 311.7) ms) and
   * above are bad. Slow requests of checkout in the period: POST /pay 6 at 280 ms (bucket 72: bad
   * although under the threshold) + 4 at 400 ms = 10; GET /cart 3 at 500 ms, sampled 1 in 2, = 6.
   * 16 bad events in all: POST /pay 10/16 = 0.625, GET /cart 6/16 = 0.375. Fast requests, another
   * service's slow requests and requests before the period (30 days) burn nothing.
   */
  @Test
  void ranksOperationsByTheirShareOfSlowRequestsWithExampleSlowTraces() {
    slos.save(latencySlo(List.of()));
    SpanSeeder seeder = SpanSeeder.create();
    seeder.requests(10, "checkout", "POST /pay", "SERVER", MINUTE, ms(100), false);
    seeder.requests(6, "checkout", "POST /pay", "SERVER", MINUTE, ms(280), false);
    // One slow request a second, the last one (and so the newest trace) at 11:50:03;
    // trace ids trace-checkout-16 to -19.
    for (int second = 0; second < 4; second++) {
      seeder.requests(
          1, "checkout", "POST /pay", "SERVER", MINUTE.plusSeconds(second), ms(400), second == 3);
    }
    seeder.requests(3, "checkout", "GET /cart", "SERVER", MINUTE, ms(500), false, 2.0);
    seeder.requests(30, "checkout", "GET /cart", "SERVER", MINUTE, ms(50), false);
    seeder.requests(40, "checkout", "GET /health", "SERVER", MINUTE, ms(1), false);
    seeder.requests(9, "inventory", "GET /stock", "SERVER", MINUTE, ms(900), false);
    seeder.requests(
        5, "checkout", "POST /pay", "SERVER", NOW.minus(Duration.ofDays(31)), ms(900), false);
    seeder.insertInto(store);

    List<SlowOperation> ranked = burners.slowOperations("checkout-latency");

    assertThat(ranked)
        .extracting(SlowOperation::operation, SlowOperation::slowRequests, SlowOperation::share)
        .containsExactly(tuple("POST /pay", 10.0, 10.0 / 16), tuple("GET /cart", 6.0, 6.0 / 16));
    // Example traces: the operation's spans of at least the threshold, newest first, three. The
    // 280 ms requests count as bad but are not slower than the threshold.
    assertThat(ranked.get(0).exampleTraceIds())
        .containsExactly("trace-checkout-19", "trace-checkout-18", "trace-checkout-17");
    assertThat(ranked.get(1).exampleTraceIds())
        .containsExactly("trace-checkout-20", "trace-checkout-21", "trace-checkout-22");
  }

  @Test
  void onlyTheSlosOperationsCountAndAnAvailabilitySloHasNoSlowOperations() {
    slos.save(latencySlo(List.of("GET /cart")));
    slos.save(
        new SloDefinition(
            "checkout-availability",
            0,
            "Checkout availability",
            "checkout",
            0.999,
            Duration.ofDays(30),
            0,
            "",
            NOW.minus(Duration.ofDays(1)),
            new SloSpec("availability", 0, List.of(), "30d", 10, "")));
    SpanSeeder.create()
        .requests(4, "checkout", "POST /pay", "SERVER", MINUTE, ms(400), false)
        .requests(2, "checkout", "GET /cart", "SERVER", MINUTE, ms(400), false)
        .insertInto(store);

    assertThat(burners.slowOperations("checkout-latency"))
        .extracting(SlowOperation::operation, SlowOperation::slowRequests, SlowOperation::share)
        .containsExactly(tuple("GET /cart", 2.0, 1.0));
    assertThat(burners.slowOperations("checkout-availability")).isEmpty();
    assertThat(burners.slowOperations("no-such-slo")).isEmpty();
  }

  private static SloDefinition latencySlo(List<String> operations) {
    return new SloDefinition(
        "checkout-latency",
        0,
        "Checkout latency",
        "checkout",
        0.99,
        Duration.ofDays(30),
        0,
        "",
        NOW.minus(Duration.ofDays(1)),
        new SloSpec("latency", 300, operations, "30d", 10, ""));
  }

  private static Duration ms(long millis) {
    return Duration.ofMillis(millis);
  }
}
