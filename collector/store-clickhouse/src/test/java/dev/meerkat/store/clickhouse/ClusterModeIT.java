package dev.meerkat.store.clickhouse;

import static dev.meerkat.store.clickhouse.ClickHouseStore.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.meerkat.clickhouse.embedded.EmbeddedClickHouse;
import dev.meerkat.clickhouse.embedded.LocalCluster;
import dev.meerkat.store.StoreException;
import dev.meerkat.store.clickhouse.query.ClickHouseInstanceSpanRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseServiceMetricsRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseTraceRepository;
import dev.meerkat.store.clickhouse.retention.ClickHousePartitionRetention;
import dev.meerkat.store.clickhouse.retention.ClickHousePartitionRetention.DroppedPartition;
import dev.meerkat.store.clickhouse.retention.RetentionSettings;
import dev.meerkat.store.clickhouse.schema.ClusterAwareMigration;
import dev.meerkat.store.clickhouse.schema.ClusterSettings;
import dev.meerkat.store.clickhouse.schema.MigrationFiles;
import dev.meerkat.store.clickhouse.schema.ParsedMigration;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.clickhouse.write.ClickHouseSpanWriter;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import dev.meerkat.store.query.InstanceSpans;
import dev.meerkat.store.query.RequestCounts;
import dev.meerkat.store.query.ServiceSummary;
import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.TraceSummary;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster mode on two real ClickHouse servers, one shard each: the migrator builds Distributed
 * tables over per-shard tables on both, the real span writer inserts through the Distributed table
 * of the first, and the real read repositories read through it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterModeIT {

  private static final String CLUSTER = "meerkat_test";
  private static final String DATABASE = "meerkat_cluster";
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final int TRACES = 200;

  @TempDir static Path directory;

  private static EmbeddedClickHouse first;
  private static EmbeddedClickHouse second;
  private static ClickHouseStore store;
  private static List<ClickHouseStore> shards;
  private static List<String> appliedFirst;
  private static List<String> appliedAgain;
  private static ClusterSettings settings;

  @BeforeAll
  static void startClusterAndWriteSpans() {
    startTwoServers();
    settings = ClusterSettings.shards(CLUSTER, List.of(first.url(), second.url()));
    store = ClickHouseStore.connect(ClickHouseConfig.create(first.url()).withDatabase(DATABASE));
    shards =
        List.of(
            store,
            ClickHouseStore.connect(ClickHouseConfig.create(second.url()).withDatabase(DATABASE)));
    appliedFirst = SchemaMigrator.create(store, settings).migrate();
    appliedAgain = SchemaMigrator.create(store, settings).migrate();
    ClickHouseSpanWriter.create(store).write(spans());
  }

  /**
   * Both servers' ports are chosen before either starts (each names both in its cluster), so a port
   * taken meanwhile by another process on this shared machine fails a start: try new ports.
   */
  private static void startTwoServers() {
    for (int attempt = 1; ; attempt++) {
      int[] http = {ClickHouseFixture.freePort(), ClickHouseFixture.freePort()};
      int[] tcp = {ClickHouseFixture.freePort(), ClickHouseFixture.freePort()};
      LocalCluster cluster = new LocalCluster(CLUSTER, List.of(tcp[0], tcp[1]));
      try {
        first = EmbeddedClickHouse.start(directory.resolve("shard1"), http[0], tcp[0], cluster);
        second = EmbeddedClickHouse.start(directory.resolve("shard2"), http[1], tcp[1], cluster);
        return;
      } catch (IllegalStateException portTaken) {
        if (first != null) {
          first.close();
          first = null;
        }
        if (attempt == 3 || !portTaken.getMessage().contains("already in use")) {
          throw portTaken;
        }
      }
    }
  }

  @AfterAll
  static void stop() {
    shards.forEach(ClickHouseStore::close);
    first.close();
    second.close();
  }

  @Test
  @Order(1)
  void createsDistributedTablesOverLocalTablesOnEveryShard() {
    List<String> files =
        SchemaMigrator.loadMigrations().stream().map(SchemaMigrator.Migration::fileName).toList();
    assertThat(appliedFirst).containsExactlyElementsOf(files);
    assertThat(appliedAgain).isEmpty();
    List<String> expected = expectedClusterTables();
    for (ClickHouseStore shard : shards) {
      assertThat(
              shard.query(
                  "SELECT name, engine FROM system.tables WHERE database = "
                      + quote(DATABASE)
                      + " ORDER BY name"))
          .extracting(row -> row.string("name") + " " + row.string("engine"))
          .containsExactlyElementsOf(expected);
    }
  }

  @Test
  @Order(1)
  void refusesAOneServerMigratorOnTheClusterDatabase() {
    assertThatThrownBy(() -> SchemaMigrator.create(store).migrate())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "database "
                + DATABASE
                + " at "
                + first.url()
                + " was migrated as cluster "
                + CLUSTER
                + " but this process is configured as single server: give every collector and"
                + " the dashboard the same MEERKAT_CLICKHOUSE_CLUSTER settings");
  }

  @Test
  @Order(1)
  void rewritesAddedColumnsTablesCopiedWithAsAndViewsOfAnyMigration() {
    // ev_1h is fed from ev, not from ev_1m: 18.16 does not cascade a view into the view of its TO
    // table (measured: ev_1m filled, ev_1h stayed empty).
    List<ParsedMigration> migrations =
        List.of(
            MigrationFiles.parse(
                "V0001__events.sql",
                "CREATE TABLE IF NOT EXISTS ev (time DateTime, trace_id String, service_name"
                    + " String, n UInt64) ENGINE = MergeTree PARTITION BY toDate(time) ORDER BY"
                    + " trace_id"),
            MigrationFiles.parse(
                "V0002__ev_1m.sql",
                "CREATE TABLE IF NOT EXISTS ev_1m (minute DateTime, service_name String, n UInt64)"
                    + " ENGINE = SummingMergeTree() PARTITION BY toDate(minute) ORDER BY"
                    + " (service_name, minute);\n"
                    + "CREATE MATERIALIZED VIEW IF NOT EXISTS ev_1m_mv TO ev_1m AS SELECT"
                    + " toStartOfMinute(time) AS minute, service_name, sum(n) AS n FROM ev"
                    + " GROUP BY minute, service_name"),
            MigrationFiles.parse(
                "V0003__ev_1h.sql",
                "CREATE TABLE IF NOT EXISTS ev_1h AS ev_1m ENGINE = SummingMergeTree() PARTITION"
                    + " BY toDate(minute) ORDER BY (service_name, minute);\n"
                    + "CREATE MATERIALIZED VIEW IF NOT EXISTS ev_1h_mv TO ev_1h AS SELECT"
                    + " toStartOfHour(time) AS minute, service_name, sum(n) AS n FROM ev"
                    + " GROUP BY minute, service_name"),
            MigrationFiles.parse(
                "V0004__note.sql",
                "ALTER TABLE ev ADD COLUMN IF NOT EXISTS note String DEFAULT 'none',"
                    + " ADD COLUMN IF NOT EXISTS weight UInt8 DEFAULT 1"));
    try (ClickHouseStore events =
        ClickHouseStore.connect(ClickHouseConfig.create(first.url()).withDatabase("events"))) {
      ClusterAwareMigration.create(events, settings, migrations).migrate();
      // 50 traces, n = 1..50, two services, one hour.
      StringBuilder rows = new StringBuilder();
      for (int i = 1; i <= 50; i++) {
        rows.append(i == 1 ? "" : ", ")
            .append("(toDateTime(")
            .append(T0.getEpochSecond() + 60L * (i % 7))
            .append("), '")
            .append(traceId(i))
            .append("', '")
            .append(i % 2 == 0 ? "even" : "odd")
            .append("', ")
            .append(i)
            .append(", 'x')");
      }
      events.execute("INSERT INTO ev (time, trace_id, service_name, n, note) VALUES " + rows);

      assertThat(
              events.query(
                  "SELECT service_name, sum(n) AS n FROM ev_1h GROUP BY service_name ORDER BY"
                      + " service_name"))
          .extracting(row -> row.string("service_name") + "=" + row.longValue("n"))
          .containsExactly("even=650", "odd=625");
      long onShards = 0;
      for (String url : List.of(first.url(), second.url())) {
        try (ClickHouseStore shard =
            ClickHouseStore.connect(ClickHouseConfig.create(url).withDatabase("events"))) {
          long local = shard.query("SELECT sum(n) AS n FROM ev_local").getFirst().longValue("n");
          assertThat(shard.query("SELECT sum(n) AS n FROM ev_1h_local").getFirst().longValue("n"))
              .isEqualTo(local);
          assertThat(
                  shard.query(
                      "SELECT table, name FROM system.columns WHERE database = 'events' AND name"
                          + " IN ('note', 'weight') ORDER BY table, name"))
              .extracting(row -> row.string("table") + "." + row.string("name"))
              .containsExactly("ev.note", "ev.weight", "ev_local.note", "ev_local.weight");
          onShards += local;
        }
      }
      assertThat(onShards).isEqualTo(1275);
    }
  }

  @Test
  @Order(2)
  void keepsEveryTraceOnOneShardAndSpreadsTraces() {
    assertThat(count(store, "spans")).isEqualTo(3L * TRACES);
    Set<String> onFirst = traceIds(shards.get(0));
    Set<String> onSecond = traceIds(shards.get(1));
    assertThat(onFirst).isNotEmpty().doesNotContainAnyElementsOf(onSecond);
    assertThat(onSecond).isNotEmpty();
    Set<String> all = new HashSet<>(onFirst);
    all.addAll(onSecond);
    assertThat(all).hasSize(TRACES);
    for (ClickHouseStore shard : shards) {
      long spans = count(shard, "spans_local");
      assertThat(spans).isEqualTo(3L * traceIds(shard).size());
      // The views fired on the shard that stored the spans.
      assertThat(count(shard, "trace_index_local")).isEqualTo(spans);
      assertThat(
              shard
                  .query("SELECT sum(span_count) AS n FROM span_red_1m_local")
                  .getFirst()
                  .doubleValue("n"))
          .isEqualTo(spans);
    }
  }

  @Test
  @Order(3)
  void readRepositoriesSeeTheWholeClusterThroughTheDistributedTables() {
    ClickHouseTraceRepository traces = new ClickHouseTraceRepository(store);
    for (int i = 0; i < TRACES; i++) {
      List<SpanDetail> spans = traces.trace(traceId(i)).orElseThrow();
      assertThat(spans)
          .extracting(SpanDetail::spanId)
          .containsExactly(spanId(i, 0), spanId(i, 1), spanId(i, 2));
    }
    Instant to = T0.plus(Duration.ofMinutes(5));
    assertThat(traces.recentTraces("checkout", T0, to, 0, 1000))
        .hasSize(TRACES / 2)
        .extracting(TraceSummary::spanId)
        .allMatch(id -> id.endsWith("-0"));

    ClickHouseServiceMetricsRepository metrics = new ClickHouseServiceMetricsRepository(store);
    assertThat(metrics.serviceNames(T0, to)).containsExactly("checkout", "inventory", "payments");
    // Root spans of even traces are checkout's; every tenth trace (all even) failed.
    assertThat(metrics.requestCounts("checkout", T0, to))
        .isEqualTo(new RequestCounts(TRACES / 2, TRACES / 10));
    assertThat(metrics.requestCounts("inventory", T0, to))
        .isEqualTo(new RequestCounts(TRACES / 2, 0));
    assertThat(metrics.requestCounts("payments", T0, to)).isEqualTo(new RequestCounts(TRACES, 0));
    assertThat(metrics.services(T0, to))
        .extracting(ServiceSummary::service, ServiceSummary::requests)
        .containsExactly(
            tuple("checkout", (double) TRACES / 2),
            tuple("inventory", (double) TRACES / 2),
            tuple("payments", (double) TRACES));
    // A whole hour: the instances rollup of both shards, merged through the Distributed table.
    // checkout has a SERVER and a CLIENT span in each even trace; the last starts at T0+120.194s.
    assertThat(
            new ClickHouseInstanceSpanRepository(store)
                .instances("checkout", T0, T0.plus(Duration.ofHours(1))))
        .containsExactly(
            new InstanceSpans("", TRACES, TRACES / 2, TRACES / 10, T0, T0.plusSeconds(120)));
  }

  @Test
  @Order(4)
  void retentionDropsOldDaysFromTheLocalTablesOfEveryShard() {
    Clock tenDaysLater = Clock.fixed(T0.plus(Duration.ofDays(10)), ZoneOffset.UTC);

    List<DroppedPartition> dropped =
        ClickHousePartitionRetention.create(
                store, settings, RetentionSettings.defaults(), tenDaysLater)
            .run();

    assertThat(dropped)
        .containsExactly(
            new DroppedPartition(first.url(), "span_errors_local", "20260301"),
            new DroppedPartition(first.url(), "spans_by_time_local", "20260301"),
            new DroppedPartition(first.url(), "spans_local", "20260301"),
            new DroppedPartition(second.url(), "span_errors_local", "20260301"),
            new DroppedPartition(second.url(), "spans_by_time_local", "20260301"),
            new DroppedPartition(second.url(), "spans_local", "20260301"));
    assertThat(count(store, "spans")).isZero();
    assertThat(count(store, "spans_by_time")).isZero();
    assertThat(count(store, "span_errors")).isZero();
    assertThat(count(store, "trace_index")).isEqualTo(3L * TRACES);
  }

  @Test
  @Order(5)
  void acknowledgesAnInsertOnlyWhenEveryShardHasItsRows() {
    second.close();

    assertThatThrownBy(() -> ClickHouseSpanWriter.create(store).write(spans()))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue());
  }

  /** Each table of the one-server schema: a *MergeTree table becomes Distributed + _local. */
  private static List<String> expectedClusterTables() {
    List<String> expected = new ArrayList<>();
    try (ClickHouseStore single = ClickHouseFixture.shared().newDatabase()) {
      single
          .query(
              "SELECT name, engine FROM system.tables WHERE database = "
                  + quote(single.config().database()))
          .forEach(
              row -> {
                String name = row.string("name");
                String engine = row.string("engine");
                if (engine.endsWith("MergeTree") && !name.startsWith("schema_migration")) {
                  expected.add(name + " Distributed");
                  expected.add(name + "_local " + engine);
                } else {
                  expected.add(name + " " + engine);
                }
              });
    }
    expected.sort(null);
    return expected;
  }

  private static long count(ClickHouseStore shard, String table) {
    return shard.query("SELECT count() AS n FROM " + table).getFirst().longValue("n");
  }

  private static Set<String> traceIds(ClickHouseStore shard) {
    Set<String> ids = new HashSet<>();
    shard
        .query("SELECT DISTINCT trace_id FROM spans_local")
        .forEach(row -> ids.add(row.string("trace_id")));
    return ids;
  }

  /** Per trace: a SERVER root and a CLIENT call in checkout or inventory, a SERVER in payments. */
  private static List<SpanRecord> spans() {
    List<SpanRecord> spans = new ArrayList<>();
    for (int i = 0; i < TRACES; i++) {
      String service = i % 2 == 0 ? "checkout" : "inventory";
      long start = T0.plusSeconds(60L * (i % 3)).toEpochMilli() * 1_000_000L + i * 1_000_000L;
      SpanStatus status = i % 10 == 0 ? SpanStatus.ERROR : SpanStatus.OK;
      spans.add(span(i, 0, "", service, SpanKind.SERVER, start, status));
      spans.add(span(i, 1, spanId(i, 0), service, SpanKind.CLIENT, start + 100, status));
      spans.add(span(i, 2, spanId(i, 1), "payments", SpanKind.SERVER, start + 200, SpanStatus.OK));
    }
    return spans;
  }

  private static SpanRecord span(
      int trace,
      int index,
      String parent,
      String service,
      SpanKind kind,
      long startNanos,
      SpanStatus status) {
    return new SpanRecord(
        startNanos,
        1_000_000,
        traceId(trace),
        spanId(trace, index),
        parent,
        "",
        service,
        "GET /" + service,
        kind,
        status,
        "",
        "GET",
        "/" + service,
        200,
        "",
        1.0,
        List.of(),
        List.of(),
        List.of("service.name"),
        List.of(service),
        "test",
        "1");
  }

  private static String traceId(int trace) {
    return String.format("%032x", 0x9e3779b97f4a7c15L * (trace + 1));
  }

  private static String spanId(int trace, int index) {
    return "s" + trace + "-" + index;
  }
}
