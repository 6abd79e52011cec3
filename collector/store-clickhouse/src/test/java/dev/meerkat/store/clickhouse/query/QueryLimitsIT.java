package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.clickhouse.SchemaMigrator;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.query.QueryLimitException;
import dev.meerkat.store.query.QueryLimits;
import dev.meerkat.store.query.TraceQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Query limits against a real ClickHouse: the read repositories refuse a time range over the limit,
 * a result over the row limit is refused at exactly one row more, and the server stops a query at
 * the timeout sent with it.
 */
class QueryLimitsIT {

  private static final Instant TO = Instant.parse("2026-03-01T12:00:00Z");
  private static final QueryLimits LIMITS =
      new QueryLimits(Duration.ofDays(31), 1_000, Duration.ofSeconds(1));

  private final ClickHouseStore store =
      ClickHouseStore.connect(ClickHouseFixture.shared().newDatabaseConfig(), LIMITS);

  QueryLimitsIT() {
    SchemaMigrator.create(store).migrate();
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void aRangeOverTheLimitIsRefusedByEveryKindOfReader() {
    String refusal =
        "The time range is 45 days; a query may cover at most 31 days (meerkat.query.max-range)."
            + " Choose a shorter range.";
    Instant from = TO.minus(Duration.ofDays(45));

    assertThatThrownBy(() -> new ClickHouseServiceMetricsRepository(store).services(from, TO))
        .isInstanceOf(QueryLimitException.class)
        .hasMessage(refusal);
    assertThatThrownBy(
            () -> new ClickHouseTraceRepository(store).search(TraceQuery.between(from, TO)))
        .isInstanceOf(QueryLimitException.class)
        .hasMessage(refusal);
    assertThatThrownBy(() -> new ClickHouseServiceGraphRepository(store).graph(from, TO))
        .isInstanceOf(QueryLimitException.class)
        .hasMessage(refusal);
  }

  @Test
  void aRangeOfExactlyTheLimitIsRead() {
    assertThat(
            new ClickHouseServiceMetricsRepository(store)
                .services(TO.minus(Duration.ofDays(31)), TO))
        .isEmpty();
  }

  @Test
  void theRowLimitAppliesExactly() {
    List<Row> limit = store.read("SELECT number FROM system.numbers LIMIT 1000");

    assertThat(limit).hasSize(1_000);
    assertThat(limit.getLast().longValue("number")).isEqualTo(999);
    assertThatThrownBy(() -> store.read("SELECT number FROM system.numbers LIMIT 1001"))
        .isInstanceOf(QueryLimitException.class)
        .hasMessage(
            "The query returned more than 1,000 rows (meerkat.query.max-rows). Choose a shorter"
                + " range or narrow the filters.");
  }

  /**
   * Summing ten billion numbers takes far longer than a second on any machine; the server stops it
   * at the max_execution_time sent with the query (TIMEOUT_EXCEEDED, code 159: the cause proves the
   * server stopped it, not the client's own timeout), and the store says so.
   */
  @Test
  void theServerStopsAQueryAtTheTimeout() {
    assertThatThrownBy(
            () -> store.read("SELECT sum(number) AS s FROM system.numbers LIMIT 10000000000"))
        .isInstanceOf(QueryLimitException.class)
        .hasMessage(
            "The query took longer than 1s and was stopped (meerkat.query.timeout). Choose a"
                + " shorter range or narrow the filters.")
        .cause()
        .isInstanceOf(StoreException.class)
        .hasMessageStartingWith("ClickHouse answered HTTP 500: Code: 159");
  }

  @Test
  void internalQueriesAreNotCapped() {
    assertThat(store.query("SELECT number FROM system.numbers LIMIT 1001")).hasSize(1_001);
  }
}
