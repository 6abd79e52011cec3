package dev.meerkat.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.clickhouse.write.ClickHouseSpanWriter;
import dev.meerkat.store.model.SpanEvent;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/** V0009-V0013 (events, links, full metric points, logs) on a fresh and on an older database. */
class SignalMigrationsIT {

  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final long START = 1_795_256_130_000_000_000L; // 2026-11-21T10:15:30Z

  @Test
  void freshDatabaseGetsLogTablesAndNewColumns() {
    try (ClickHouseStore store = clickHouse.newEmptyDatabase()) {
      SchemaMigrator.create(store).migrate();

      assertThat(tables(store)).contains("logs", "log_trace_index", "log_trace_index_mv");
      assertThat(columns(store, "spans")).contains("event_names", "link_attribute_values");
      assertThat(columns(store, "metric_points")).contains("exp_scale", "quantile_values");
    }
  }

  @Test
  void upgradesADatabaseWithRowsFromV0008AndKeepsOldRowsAndViewsWorking() {
    try (ClickHouseStore store = clickHouse.newEmptyDatabase()) {
      applyUpToV0008(store);
      store.execute(
          "INSERT INTO spans (start_time, start_time_unix_nano, duration_nanos, trace_id, span_id,"
              + " service_name, span_name, span_kind, status_code, sample_rate) VALUES"
              + " (toDateTime(1795256130), 1795256130000000000, 1000000, 'old-trace', 'old-span',"
              + " 'api', 'GET /', 'SERVER', 'OK', 1)");
      store.execute(
          "INSERT INTO metric_points (timestamp, time_unix_nano, service_name, metric_name,"
              + " metric_type, value, point_count, bucket_bounds, bucket_counts) VALUES"
              + " (toDateTime(1795256130), 1795256130000000000, 'api', 'old.histogram',"
              + " 'HISTOGRAM', 0.75, 3, [0.1, 0.5], [1, 1, 1])");

      List<String> applied = SchemaMigrator.create(store).migrate();
      ClickHouseSpanWriter.create(store).write(List.of(newSpan()));

      assertThat(applied)
          .containsExactly(
              "V0009__span_events_links.sql",
              "V0010__metric_points_full.sql",
              "V0011__logs.sql",
              "V0012__log_trace_index.sql",
              "V0013__log_trace_index_mv.sql",
              "V0014__alert_event_severity.sql",
              "V0015__spans_batch_token.sql",
              "V0016__metric_points_batch_token.sql",
              "V0017__logs_batch_token.sql",
              "V0018__spans_by_trace.sql",
              "V0019__spans_by_trace_mv.sql",
              "V0020__span_red_1h.sql",
              "V0021__span_red_1h_mv.sql",
              "V0022__service_graph_1m.sql",
              "V0023__span_red_1d.sql",
              "V0024__service_graph_1h.sql",
              "V0025__service_graph_peer_address.sql",
              "V0026__server_addresses_1h.sql",
              "V0027__spans_by_time.sql",
              "V0028__span_errors.sql",
              "V0029__service_instances_1h.sql");
      // Rows stored before the batch tokens read back with an empty one.
      assertThat(
              store.query(
                  "SELECT span_id, batch_token FROM spans WHERE span_id = 'old-span'"
                      + " UNION ALL SELECT metric_name AS span_id, batch_token FROM metric_points"
                      + " WHERE metric_name = 'old.histogram'"))
          .extracting(r -> r.string("span_id") + "=" + r.string("batch_token"))
          .containsExactlyInAnyOrder("old-span=", "old.histogram=");
      assertThat(
              store.query(
                  "SELECT span_id, event_names, event_attribute_keys, link_trace_ids FROM spans"
                      + " ORDER BY span_id"))
          .extracting(
              r ->
                  String.join(
                      "|",
                      r.string("span_id"),
                      r.string("event_names"),
                      r.string("event_attribute_keys"),
                      r.string("link_trace_ids")))
          .containsExactly("new-span|['exception']|[['exception.type']]|[]", "old-span|[]|[]|[]");
      assertThat(
              store.query(
                  "SELECT metric_name, value, point_count, bucket_counts, ifNull(toString(min), 'NULL')"
                      + " AS min, ifNull(toString(max), 'NULL') AS max, exp_scale,"
                      + " quantiles FROM metric_points"))
          .extracting(
              r ->
                  String.join(
                      "|",
                      r.string("metric_name"),
                      r.string("value"),
                      r.string("point_count"),
                      r.string("bucket_counts"),
                      r.string("min"),
                      r.string("max"),
                      r.string("exp_scale"),
                      r.string("quantiles")))
          .containsExactly("old.histogram|0.75|3|[1,1,1]|NULL|NULL|0|[]");
      // Both views name their columns, so they go on filling after ADD COLUMN.
      assertThat(store.query("SELECT span_id FROM trace_index ORDER BY span_id"))
          .extracting(r -> r.string("span_id"))
          .containsExactly("new-span", "old-span");
      assertThat(
              store.query(
                  "SELECT sum(span_count) AS spans FROM span_red_1m WHERE service_name = 'api'"))
          .extracting(r -> r.doubleValue("spans"))
          .containsExactly(2.0);
    }
  }

  // The state an older collector left: V0001-V0008 applied and recorded, as SchemaMigrator does.
  private static void applyUpToV0008(ClickHouseStore store) {
    store.createDatabaseIfMissing();
    store.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations"
            + " (version UInt32, name String, applied_at DateTime)"
            + " ENGINE = MergeTree ORDER BY version");
    for (SchemaMigrator.Migration migration : SchemaMigrator.loadMigrations()) {
      if (migration.version() <= 8) {
        store.execute(migration.sql());
        store.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES ("
                + migration.version()
                + ", "
                + ClickHouseStore.quote(migration.fileName())
                + ", now())");
      }
    }
  }

  private static SpanRecord newSpan() {
    return new SpanRecord(
        START + 30_000_000_000L,
        2_000_000,
        "new-trace",
        "new-span",
        "",
        "",
        "api",
        "GET /",
        SpanKind.SERVER,
        SpanStatus.ERROR,
        "",
        "",
        "",
        0,
        "",
        1.0,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "",
        "",
        List.of(
            new SpanEvent(
                START + 30_000_000_001L,
                "exception",
                List.of("exception.type"),
                List.of("java.lang.IllegalStateException"))),
        List.of());
  }

  private static List<String> tables(ClickHouseStore store) {
    return store
        .query(
            "SELECT name FROM system.tables WHERE database = "
                + ClickHouseStore.quote(store.config().database()))
        .stream()
        .map(r -> r.string("name"))
        .toList();
  }

  private static List<String> columns(ClickHouseStore store, String table) {
    return store
        .query(
            "SELECT name FROM system.columns WHERE database = "
                + ClickHouseStore.quote(store.config().database())
                + " AND table = "
                + ClickHouseStore.quote(table))
        .stream()
        .map(r -> r.string("name"))
        .toList();
  }
}
