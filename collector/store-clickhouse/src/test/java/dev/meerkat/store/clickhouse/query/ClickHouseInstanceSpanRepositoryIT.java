package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.clickhouse.write.ClickHouseMetricWriter;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.query.InstanceSpans;
import dev.meerkat.store.query.metric.MetricInstance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The instances of a service from its spans: the hourly rollup (V0029) and the reader over it and
 * the edge minutes, on a fresh database and on one that held spans before V0029.
 *
 * <p>Seeded for service api (every span 1 ms; sample rate 1 unless said): instance a-1 sends 3 OK
 * SERVER spans at 09:59:30, 1 failed SERVER span at 10:20:00, 2 CLIENT spans at 11:30:00 and one
 * CONSUMER span of sample rate 4 at 12:05:40; instance a-2 sends 2 OK SERVER spans at 11:10:00 and
 * 1 failed CONSUMER span at 12:10:30; 1 INTERNAL span at 10:45:00 has no service.instance.id. The
 * service db sends 5 SERVER spans as instance a-1 at 10:30:00 (another service: never api's).
 */
class ClickHouseInstanceSpanRepositoryIT {

  private static final Instant T10 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration MS = Duration.ofMillis(1);

  private static ClickHouseStore store;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    TestSpans spans = TestSpans.create();
    add(spans, 3, "api", "a-1", "SERVER", T10.minusSeconds(30), "OK", 1);
    add(spans, 1, "api", "a-1", "SERVER", T10.plusSeconds(20 * 60), "ERROR", 1);
    add(spans, 2, "api", "a-1", "CLIENT", T10.plusSeconds(90 * 60), "UNSET", 1);
    add(spans, 1, "api", "a-1", "CONSUMER", T10.plusSeconds(125 * 60 + 40), "OK", 4);
    add(spans, 2, "api", "a-2", "SERVER", T10.plusSeconds(70 * 60), "OK", 1);
    add(spans, 1, "api", "a-2", "CONSUMER", T10.plusSeconds(130 * 60 + 30), "ERROR", 1);
    add(spans, 1, "api", null, "INTERNAL", T10.plusSeconds(45 * 60), "OK", 1);
    add(spans, 5, "db", "a-1", "SERVER", T10.plusSeconds(30 * 60), "OK", 1);
    spans.insertInto(store);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void rollupHoldsEachInstancesHourWithExactCounts() {
    List<String> rows = new ArrayList<>();
    for (var row :
        store.query(
            "SELECT service_name, toUInt32(hour) AS h, instance, sumMerge(span_count) AS spans,"
                + " sumMerge(request_count) AS requests, sumMerge(error_count) AS errors,"
                + " toUInt32(minMerge(first_seen)) AS first, toUInt32(maxMerge(last_seen)) AS last"
                + " FROM service_instances_1h GROUP BY service_name, hour, instance"
                + " ORDER BY service_name, hour, instance")) {
      rows.add(
          String.join(
              " ",
              row.string("service_name"),
              Instant.ofEpochSecond(row.longValue("h")).toString(),
              "'" + row.string("instance") + "'",
              row.string("spans"),
              row.string("requests"),
              row.string("errors"),
              Instant.ofEpochSecond(row.longValue("first")).toString(),
              Instant.ofEpochSecond(row.longValue("last")).toString()));
    }

    assertThat(rows)
        .containsExactly(
            // 09:00: a-1's 3 requests at 09:59:30.
            "api 2026-03-01T09:00:00Z 'a-1' 3 3 0 2026-03-01T09:59:30Z 2026-03-01T09:59:30Z",
            // 10:00: the span without an instance id; a-1's failed request.
            "api 2026-03-01T10:00:00Z '' 1 0 0 2026-03-01T10:45:00Z 2026-03-01T10:45:00Z",
            "api 2026-03-01T10:00:00Z 'a-1' 1 1 1 2026-03-01T10:20:00Z 2026-03-01T10:20:00Z",
            // 11:00: a-1's two CLIENT spans are spans, not requests; a-2's two requests.
            "api 2026-03-01T11:00:00Z 'a-1' 2 0 0 2026-03-01T11:30:00Z 2026-03-01T11:30:00Z",
            "api 2026-03-01T11:00:00Z 'a-2' 2 2 0 2026-03-01T11:10:00Z 2026-03-01T11:10:00Z",
            // 12:00: one CONSUMER span standing for 4; a-2's failed CONSUMER span.
            "api 2026-03-01T12:00:00Z 'a-1' 4 4 0 2026-03-01T12:05:40Z 2026-03-01T12:05:40Z",
            "api 2026-03-01T12:00:00Z 'a-2' 1 1 1 2026-03-01T12:10:30Z 2026-03-01T12:10:30Z",
            "db 2026-03-01T10:00:00Z 'a-1' 5 5 0 2026-03-01T10:30:00Z 2026-03-01T10:30:00Z");
  }

  @Test
  void readsWholeHoursAndTheEdgeMinutesOfAWindow() {
    ClickHouseInstanceSpanRepository instances = new ClickHouseInstanceSpanRepository(store);

    // 09:59-12:10: minute 09:59 and 12:00-12:09 from spans, 10:00-12:00 from the rollup; a-2's
    // 12:10:30 span starts in minute 12:10, which is not before 12:10.
    assertThat(instances.instances("api", T10.minusSeconds(60), T10.plusSeconds(130 * 60)))
        .containsExactly(
            new InstanceSpans("", 1, 0, 0, at("10:45:00"), at("10:45:00")),
            new InstanceSpans("a-1", 3 + 1 + 2 + 4, 3 + 1 + 4, 1, at("09:59:30"), at("12:05:40")),
            new InstanceSpans("a-2", 2, 2, 0, at("11:10:00"), at("11:10:00")));
    // From 09:59:31 the first minute counted is 10:00 (as RED counts minutes), so a-1's 09:59:30
    // requests are out; to 12:10:31 takes minute 12:10 in.
    assertThat(instances.instances("api", T10.minusSeconds(29), T10.plusSeconds(130 * 60 + 31)))
        .containsExactly(
            new InstanceSpans("", 1, 0, 0, at("10:45:00"), at("10:45:00")),
            new InstanceSpans("a-1", 1 + 2 + 4, 1 + 4, 1, at("10:20:00"), at("12:05:40")),
            new InstanceSpans("a-2", 2 + 1, 2 + 1, 1, at("11:10:00"), at("12:10:30")));
    // Inside one hour: spans only.
    assertThat(instances.instances("api", T10.plusSeconds(60 * 60), T10.plusSeconds(100 * 60)))
        .containsExactly(
            new InstanceSpans("a-1", 2, 0, 0, at("11:30:00"), at("11:30:00")),
            new InstanceSpans("a-2", 2, 2, 0, at("11:10:00"), at("11:10:00")));
    assertThat(instances.instances("db", T10, T10.plusSeconds(3600)))
        .containsExactly(new InstanceSpans("a-1", 5, 5, 0, at("10:30:00"), at("10:30:00")));
    assertThat(instances.instances("nobody", T10, T10.plusSeconds(3600))).isEmpty();
  }

  @Test
  void metricPointsNameTheirInstanceByTheSameRuleAsSpans() {
    try (ClickHouseStore metrics = ClickHouseFixture.shared().newDatabase()) {
      ClickHouseMetricWriter.create(metrics)
          .write(
              List.of(
                  gauge("a-1", T10.plusSeconds(100)),
                  gauge("a-1", T10.plusSeconds(200)),
                  gauge(null, T10.plusSeconds(300)),
                  gauge("a-3", T10.minusSeconds(1))));
      TestSpans spans = TestSpans.create();
      add(spans, 1, "api", "a-1", "SERVER", T10.plusSeconds(150), "OK", 1);
      add(spans, 1, "api", null, "SERVER", T10.plusSeconds(250), "OK", 1);
      spans.insertInto(metrics);

      assertThat(
              new ClickHouseMetricInstanceRepository(metrics)
                  .seen("api", T10, T10.plusSeconds(3600)))
          .containsExactly(
              new MetricInstance("", at("10:05:00"), at("10:05:00")),
              new MetricInstance("a-1", at("10:01:40"), at("10:03:20")));
      assertThat(
              new ClickHouseInstanceSpanRepository(metrics)
                  .instances("api", T10, T10.plusSeconds(3600)))
          .extracting(InstanceSpans::instance)
          .containsExactly("", "a-1");
    }
  }

  @Test
  void aDatabaseWithSpansBeforeV0029ReadsThemFromSpansOnce() {
    try (ClickHouseStore upgraded = ClickHouseFixture.shared().newDatabase()) {
      upgraded.execute("DROP TABLE service_instances_1h_mv");
      TestSpans before = TestSpans.create();
      add(before, 2, "api", "a-1", "SERVER", T10.plusSeconds(600), "OK", 1);
      add(before, 1, "api", "a-2", "SERVER", T10.plusSeconds(3600 + 600), "ERROR", 1);
      before.insertInto(upgraded);
      ClickHouseUpgradedDatabaseIT.apply(upgraded, "V0029__service_instances_1h.sql");
      TestSpans after = TestSpans.create();
      add(after, 3, "api", "a-1", "SERVER", T10.plusSeconds(2 * 3600 + 600), "OK", 1);
      add(after, 4, "api", "a-2", "SERVER", T10.plusSeconds(3 * 3600 + 600), "OK", 1);
      after.insertInto(upgraded);

      // The rollup starts at 12:00, so it covers from 13:00: 10:00-13:00 comes from spans.
      assertThat(
              new ClickHouseInstanceSpanRepository(upgraded)
                  .instances("api", T10, T10.plusSeconds(4 * 3600)))
          .containsExactly(
              new InstanceSpans("a-1", 5, 5, 0, at("10:10:00"), at("12:10:00")),
              new InstanceSpans("a-2", 5, 5, 1, at("11:10:00"), at("13:10:00")));
    }
  }

  private static Instant at(String time) {
    return Instant.parse("2026-03-01T" + time + "Z");
  }

  private static void add(
      TestSpans spans,
      int count,
      String service,
      String instance,
      String kind,
      Instant start,
      String status,
      double sampleRate) {
    List<String[]> resource = new ArrayList<>();
    resource.add(new String[] {"service.name", service});
    if (instance != null) {
      resource.add(new String[] {"service.instance.id", instance});
    }
    for (int i = 0; i < count; i++) {
      String id = service + "-" + instance + "-" + start.getEpochSecond() + "-" + i;
      spans.add(
          new TestSpans.Span(
              "t-" + id,
              "s-" + id,
              "",
              service,
              "op",
              kind,
              start,
              MS,
              status,
              sampleRate,
              List.of(),
              resource));
    }
  }

  private static MetricPointRecord gauge(String instance, Instant at) {
    long nanos = at.getEpochSecond() * 1_000_000_000L;
    List<String> keys =
        instance == null ? List.of("service.name") : List.of("service.name", "service.instance.id");
    List<String> values = instance == null ? List.of("api") : List.of("api", instance);
    return MetricPointRecord.builder(MetricType.GAUGE, "api", "jvm.thread.count")
        .time(nanos, nanos)
        .description("threads", "{thread}")
        .resource(keys, values)
        .value(1)
        .build();
  }
}
