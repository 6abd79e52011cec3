package dev.meerkat.store.clickhouse.retention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.retention.ClickHousePartitionRetention.DroppedPartition;
import dev.meerkat.store.clickhouse.schema.ClusterSettings;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class ClickHousePartitionRetentionIT {

  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  // Spans 3 days, metrics 5, logs 7, rollups kept forever.
  private static final RetentionSettings SETTINGS = new RetentionSettings(3, 5, 7, 0);

  @Test
  void dropsTheDaysOlderThanEachSignalsRetention() {
    try (ClickHouseStore store = clickHouse.newDatabase()) {
      seedOneRowPerDay(store, 1, 10);

      List<DroppedPartition> dropped =
          ClickHousePartitionRetention.create(store, ClusterSettings.none(), SETTINGS, CLOCK).run();

      List<DroppedPartition> expected = new ArrayList<>();
      for (int day = 1; day <= 4; day++) {
        expected.add(new DroppedPartition(store.config().url(), "metric_points", "2026030" + day));
      }
      for (String table : List.of("spans", "spans_by_time")) {
        for (int day = 1; day <= 6; day++) {
          expected.add(new DroppedPartition(store.config().url(), table, "2026030" + day));
        }
      }
      assertThat(dropped).containsExactlyElementsOf(expected);
      // Three whole days of spans back from the 10th at noon: the 7th to the 10th remain.
      assertThat(days(store, "spans", "start_time")).containsExactlyElementsOf(march(7, 10));
      assertThat(days(store, "spans_by_time", "start_time"))
          .containsExactlyElementsOf(march(7, 10));
      assertThat(days(store, "metric_points", "timestamp")).containsExactlyElementsOf(march(5, 10));
      // Rollups (and the trace index) are kept forever with 0 days.
      assertThat(days(store, "trace_index", "start_time")).containsExactlyElementsOf(march(1, 10));
      assertThat(days(store, "span_red_1m", "minute")).containsExactlyElementsOf(march(1, 10));
      // A second run finds nothing more to drop.
      assertThat(
              ClickHousePartitionRetention.create(store, ClusterSettings.none(), SETTINGS, CLOCK)
                  .run())
          .isEmpty();
    }
  }

  @Test
  void jobRunsAtStart() {
    try (ClickHouseStore store = clickHouse.newDatabase()) {
      seedOneRowPerDay(store, 1, 10);
      ClickHousePartitionRetention retention =
          ClickHousePartitionRetention.create(store, ClusterSettings.none(), SETTINGS, CLOCK);

      try (PartitionRetentionJob job =
          PartitionRetentionJob.start(
              retention,
              Executors.newSingleThreadScheduledExecutor(),
              PartitionRetentionJob.DEFAULT_INTERVAL)) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!days(store, "spans", "start_time").equals(march(7, 10))
            && System.nanoTime() < deadline) {
          Thread.onSpinWait();
        }
      }

      assertThat(days(store, "spans", "start_time")).containsExactlyElementsOf(march(7, 10));
    }
  }

  /** A span (which feeds trace_index and span_red_1m) and a metric point at noon of each day. */
  private static void seedOneRowPerDay(ClickHouseStore store, int firstDay, int lastDay) {
    for (int day = firstDay; day <= lastDay; day++) {
      long noon = LocalDate.of(2026, 3, day).atTime(12, 0).toEpochSecond(ZoneOffset.UTC);
      store.execute(
          "INSERT INTO spans (start_time, trace_id, span_id, service_name, span_name, span_kind,"
              + " status_code, sample_rate) VALUES (toDateTime("
              + noon
              + "), 't"
              + day
              + "', 's', 'checkout', 'GET /', 'SERVER', 'OK', 1)");
      store.execute(
          "INSERT INTO metric_points (timestamp, service_name, metric_name, metric_type, value)"
              + " VALUES (toDateTime("
              + noon
              + "), 'checkout', 'jvm.memory.used', 'GAUGE', 1)");
    }
  }

  private static List<String> days(ClickHouseStore store, String table, String column) {
    return store
        .query(
            "SELECT DISTINCT toString(toDate("
                + column
                + ")) AS day FROM "
                + table
                + " ORDER BY day")
        .stream()
        .map(row -> row.string("day"))
        .toList();
  }

  private static List<String> march(int first, int last) {
    List<String> days = new ArrayList<>();
    for (int day = first; day <= last; day++) {
      days.add(LocalDate.of(2026, 3, day).toString());
    }
    return days;
  }
}
