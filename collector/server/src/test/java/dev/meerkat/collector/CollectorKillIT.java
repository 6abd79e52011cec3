package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A collector killed with SIGKILL in the middle of a load loses nothing it acknowledged and stores
 * nothing twice: the restarted collector replays its spools, and spans and logs of batches that
 * were being inserted when it died are not inserted again.
 */
class CollectorKillIT {

  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();

  @Test
  void killedCollectorReplaysItsSpoolAndStoresEveryAcknowledgedSpanAndLogExactlyOnce()
      throws Exception {
    ClickHouseConfig database = clickHouse.newDatabaseConfig();
    Path dataDir = Files.createTempDirectory("meerkat-kill-it");
    Path log = dataDir.resolve("collector.log");
    Map<String, String> environment = new HashMap<>();
    environment.put("MEERKAT_CLICKHOUSE_URL", clickHouse.url());
    environment.put("MEERKAT_CLICKHOUSE_DATABASE", database.database());
    environment.put("MEERKAT_DATA_DIR", dataDir.toString());
    // Small batches written often: batches are in flight at any moment of the kill.
    environment.put("MEERKAT_BATCH_SIZE", "300");
    environment.put("MEERKAT_FLUSH_INTERVAL_MS", "20");
    environment.put("MEERKAT_WRITERS", "2");
    // The load's fixed dates are days old: keep them whatever the default retention.
    for (String signal : new String[] {"SPANS", "METRICS", "LOGS", "ROLLUPS"}) {
      environment.put("MEERKAT_RETENTION_" + signal + "_DAYS", "0");
    }

    CollectorProcess first =
        CollectorProcess.start(
            environment, ClickHouseFixture.freePort(), ClickHouseFixture.freePort(), log);
    OtlpLoad load = OtlpLoad.spans(50, 2_000);
    OtlpLoad logs = OtlpLoad.logs(50, 2_000);
    load.start(4, first.otlpPort());
    logs.start(2, first.otlpPort());
    long killAfter = 6_000;
    long killAfterLogs = 3_000;
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while ((load.acknowledgedSpans() < killAfter || logs.acknowledgedSpans() < killAfterLogs)
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    first.kill();
    load.stopAndJoin();
    logs.stopAndJoin();
    assertThat(load.acknowledgedSpans()).isGreaterThanOrEqualTo(killAfter);
    assertThat(logs.acknowledgedSpans()).isGreaterThanOrEqualTo(killAfterLogs);

    CollectorProcess second =
        CollectorProcess.start(
            environment, ClickHouseFixture.freePort(), ClickHouseFixture.freePort(), log);
    try {
      second.awaitSpoolDrained(Duration.ofSeconds(120));
    } finally {
      second.stop();
    }

    try (ClickHouseStore store = ClickHouseStore.connect(database)) {
      assertStoredExactlyOnce(store, load, true);
      assertLogsStoredExactlyOnce(store, logs);
    }
    CollectorProcess.deleteRecursively(dataDir);
  }

  /**
   * Every acknowledged span is stored once; a request the kill cut off (outcome unknown to the
   * sender) is stored entirely or not at all, never twice; the materialized views hold each stored
   * span once ({@code rollupExact}) or at most once.
   */
  static void assertStoredExactlyOnce(ClickHouseStore store, OtlpLoad load, boolean rollupExact) {
    List<OtlpLoad.Request> acknowledged = load.acknowledged();
    long acknowledgedSpans = acknowledged.stream().mapToLong(OtlpLoad.Request::spans).sum();
    Map<String, Long> storedPerRequest = new HashMap<>();
    store
        .query(
            "SELECT substring(span_id, 1, 8) AS request, count() AS n FROM spans GROUP BY request")
        .forEach(row -> storedPerRequest.put(row.string("request"), row.longValue("n")));
    long unknownStored = 0;
    for (OtlpLoad.Request request : load.unknown()) {
      long stored = storedPerRequest.getOrDefault(request.prefix(), 0L);
      assertThat(stored)
          .as("spans of cut-off request %s", request.prefix())
          .isIn(0L, (long) request.spans());
      unknownStored += stored;
    }
    for (OtlpLoad.Request request : acknowledged) {
      assertThat(storedPerRequest.get(request.prefix()))
          .as("spans of acknowledged request %s", request.prefix())
          .isEqualTo(request.spans());
    }
    long rows = store.query("SELECT count() AS n FROM spans").get(0).longValue("n");
    // Replayed spans kept their event and link (the spool carries them).
    long withEventAndLink =
        store
            .query(
                "SELECT count() AS n FROM spans WHERE event_names = ['retry']"
                    + " AND link_span_ids = ['00000000000000f1']")
            .get(0)
            .longValue("n");
    assertThat(withEventAndLink).isEqualTo(rows);
    long distinct = store.query("SELECT uniqExact(span_id) AS n FROM spans").get(0).longValue("n");
    assertThat(distinct).isEqualTo(acknowledgedSpans + unknownStored);
    assertThat(rows).isEqualTo(distinct);
    long rollup =
        store.query("SELECT toUInt64(sum(span_count)) AS n FROM span_red_1m").get(0).longValue("n");
    long traceIndex = store.query("SELECT count() AS n FROM trace_index").get(0).longValue("n");
    if (rollupExact) {
      assertThat(rollup).isEqualTo(distinct);
      assertThat(traceIndex).isEqualTo(distinct);
    } else {
      assertThat(rollup).isLessThanOrEqualTo(distinct); // never doubled
      assertThat(traceIndex).isLessThanOrEqualTo(distinct);
    }
  }

  /**
   * As {@link #assertStoredExactlyOnce} for log records (each with a span id of its own): every
   * acknowledged log once, a cut-off request all or nothing, every stored log once in {@code
   * log_trace_index}.
   */
  static void assertLogsStoredExactlyOnce(ClickHouseStore store, OtlpLoad logs) {
    Map<String, Long> storedPerRequest = new HashMap<>();
    store
        .query(
            "SELECT substring(span_id, 1, 8) AS request, count() AS n FROM logs GROUP BY request")
        .forEach(row -> storedPerRequest.put(row.string("request"), row.longValue("n")));
    long unknownStored = 0;
    for (OtlpLoad.Request request : logs.unknown()) {
      long stored = storedPerRequest.getOrDefault(request.prefix(), 0L);
      assertThat(stored)
          .as("logs of cut-off request %s", request.prefix())
          .isIn(0L, (long) request.spans());
      unknownStored += stored;
    }
    for (OtlpLoad.Request request : logs.acknowledged()) {
      assertThat(storedPerRequest.get(request.prefix()))
          .as("logs of acknowledged request %s", request.prefix())
          .isEqualTo(request.spans());
    }
    long rows = store.query("SELECT count() AS n FROM logs").get(0).longValue("n");
    long distinct = store.query("SELECT uniqExact(span_id) AS n FROM logs").get(0).longValue("n");
    long indexed = store.query("SELECT count() AS n FROM log_trace_index").get(0).longValue("n");
    assertThat(distinct).isEqualTo(logs.acknowledgedSpans() + unknownStored);
    assertThat(rows).isEqualTo(distinct);
    assertThat(indexed).isEqualTo(distinct);
  }
}
