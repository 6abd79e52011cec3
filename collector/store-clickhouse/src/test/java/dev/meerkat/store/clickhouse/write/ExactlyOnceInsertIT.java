package dev.meerkat.store.clickhouse.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import dev.meerkat.store.write.WriteBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch retried after an unknown outcome, or replayed after a crash cut into different batches,
 * is stored once: in {@code spans} and in what the materialized views derive from it.
 */
class ExactlyOnceInsertIT {

  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();

  // A minute before midnight in the server's time zone (partitions are its days), so a batch can
  // span two partitions; nextDay is two minutes later.
  private long late;
  private long nextDay;

  private ClickHouseStore store;
  private ClickHouseSpanWriter writer;

  @BeforeEach
  void createDatabase() {
    store = clickHouse.newDatabase();
    writer = ClickHouseSpanWriter.create(store);
    long midnight =
        store
            .query("SELECT toUnixTimestamp(toDateTime('2025-12-01 00:00:00')) AS s")
            .get(0)
            .longValue("s");
    late = (midnight - 60) * 1_000_000_000L;
    nextDay = late + 120_000_000_000L;
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static List<SpanRecord> spans(String prefix, int count, long startNanos) {
    List<SpanRecord> spans = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      spans.add(
          ClickHouseSpanWriterIT.span(
              String.format("%s%015d", prefix, i),
              "api",
              startNanos + i,
              1_000_000,
              SpanStatus.OK));
    }
    return spans;
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    List<T> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }

  private long count(String sql) {
    return store.query(sql).get(0).longValue("n");
  }

  private void assertStoredOnce(long expected) {
    assertThat(count("SELECT count() AS n FROM spans")).isEqualTo(expected);
    assertThat(count("SELECT uniqExact(span_id) AS n FROM spans")).isEqualTo(expected);
    assertThat(count("SELECT count() AS n FROM trace_index")).isEqualTo(expected);
    assertThat(count("SELECT toUInt64(sum(span_count)) AS n FROM span_red_1m")).isEqualTo(expected);
  }

  @Test
  void retryAfterAnUnknownOutcomeStoresEveryPartOnce() {
    List<SpanRecord> a = spans("a", 3, late);
    List<SpanRecord> b = spans("b", 2, nextDay); // the next day: a second partition
    WriteBatch<SpanRecord> batch =
        WriteBatch.of(concat(a, b), new String[] {"s1-1", "s1-2"}, new int[] {3, 5}, false);

    writer.write(batch); // stored, but say the answer was lost (timeout, connection reset)
    writer.write(batch.asMayBeStored());
    writer.write(batch.asMayBeStored());

    assertStoredOnce(5);
    assertThat(count("SELECT uniqExact(toDate(start_time)) AS n FROM spans")).isEqualTo(2);
    assertThat(
            store.query("SELECT batch_token FROM spans GROUP BY batch_token ORDER BY batch_token"))
        .extracting(row -> row.string("batch_token"))
        .containsExactly("s1-1", "s1-2");
  }

  @Test
  void replayCutIntoOtherBatchesStoresOnlyWhatIsMissing() {
    List<SpanRecord> first = spans("c", 4, late);
    List<SpanRecord> secondToday = spans("d", 2, late + 1000);
    List<SpanRecord> secondTomorrow = spans("e", 3, nextDay);
    List<SpanRecord> third = spans("f", 1, late + 2000);
    // Before the crash: part 1 stored whole, part 2 only its first day's insert went through.
    writer.write(
        WriteBatch.of(
            concat(first, secondToday), new String[] {"s2-1", "s2-2"}, new int[] {4, 6}, false));

    // After the restart the spool is read back as one batch holding parts 1 to 3.
    List<SpanRecord> replay = concat(concat(concat(first, secondToday), secondTomorrow), third);
    writer.write(
        WriteBatch.of(replay, new String[] {"s2-1", "s2-2", "s2-3"}, new int[] {4, 9, 10}, true));

    assertStoredOnce(10);
  }

  @Test
  void checksBatchesOfManyRequestsBeyondTheLargestQueryClickHouseTakes() {
    // 12,000 one-span requests: their tokens alone are ~300 KB, over max_query_size (256 KiB).
    int requests = 12_000;
    List<SpanRecord> items = spans("h", requests, late);
    String[] tokens = new String[requests];
    int[] ends = new int[requests];
    for (int i = 0; i < requests; i++) {
      tokens[i] = "0123456789abcdef-" + (1_000_000 + i);
      ends[i] = i + 1;
    }
    WriteBatch<SpanRecord> batch = WriteBatch.of(items, tokens, ends, false);

    writer.write(batch);
    writer.write(batch.asMayBeStored());

    assertStoredOnce(requests);
  }

  @Test
  void withoutTheCheckARetryWouldStoreTwice() {
    WriteBatch<SpanRecord> batch = WriteBatch.single(spans("g", 3, late), "s3-1", false);

    writer.write(batch);
    writer.write(batch); // a retry that does not know the first attempt may have succeeded

    assertThat(count("SELECT count() AS n FROM spans")).isEqualTo(6);
    assertThat(count("SELECT uniqExact(span_id) AS n FROM spans")).isEqualTo(3);
  }

  @Test
  void metricPointsAreStoredOnceToo() {
    MetricPointRecord point =
        MetricPointRecord.builder(MetricType.GAUGE, "api", "jvm.threads.count")
            .time(0, late)
            .description("", "{thread}")
            .value(42)
            .build();
    WriteBatch<MetricPointRecord> batch = WriteBatch.single(List.of(point, point), "s4-1", false);
    ClickHouseMetricWriter points = ClickHouseMetricWriter.create(store);

    points.write(batch);
    points.write(batch.asMayBeStored());

    assertThat(count("SELECT count() AS n FROM metric_points")).isEqualTo(2);
  }

  private static LogRecord log(String spanId, long timeNanos) {
    return new LogRecord(
        timeNanos,
        timeNanos,
        17,
        "ERROR",
        "payment failed",
        "0af7651916cd43dd8448eb211c80319c",
        spanId,
        1,
        "",
        "api",
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        "",
        "");
  }

  @Test
  void logRecordsRetriedAfterAnUnknownOutcomeAreStoredOnce() {
    // Two requests, the second across midnight: three (token, day) units in two partitions.
    List<LogRecord> logs =
        List.of(
            log("00000000000000a1", late),
            log("00000000000000a2", late + 1),
            log("00000000000000b1", late + 2),
            log("00000000000000b2", nextDay));
    WriteBatch<LogRecord> batch =
        WriteBatch.of(logs, new String[] {"s5-1", "s5-2"}, new int[] {2, 4}, false);
    ClickHouseLogWriter writer = ClickHouseLogWriter.create(store);

    writer.write(batch); // stored, but say the answer was lost
    writer.write(batch.asMayBeStored());
    writer.write(batch.asMayBeStored());

    assertThat(count("SELECT count() AS n FROM logs")).isEqualTo(4);
    assertThat(count("SELECT uniqExact(span_id) AS n FROM logs")).isEqualTo(4);
    assertThat(count("SELECT uniqExact(toDate(timestamp)) AS n FROM logs")).isEqualTo(2);
    assertThat(count("SELECT count() AS n FROM log_trace_index")).isEqualTo(4);
    assertThat(
            store.query(
                "SELECT batch_token, toUInt64(count()) AS n FROM logs"
                    + " GROUP BY batch_token ORDER BY batch_token"))
        .extracting(row -> row.string("batch_token") + "=" + row.longValue("n"))
        .containsExactly("s5-1=2", "s5-2=2");
  }
}
