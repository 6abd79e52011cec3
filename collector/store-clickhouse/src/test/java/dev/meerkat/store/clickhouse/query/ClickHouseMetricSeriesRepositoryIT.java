package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.query.metric.LabelMatcher;
import dev.meerkat.store.query.metric.MetricSample;
import dev.meerkat.store.query.metric.MetricSeries;
import dev.meerkat.store.query.metric.MetricSeriesQuery;
import dev.meerkat.store.query.metric.MetricSeriesRepository;
import dev.meerkat.store.query.metric.StepAggregation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClickHouseMetricSeriesRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final Instant END = T0.plusSeconds(120);

  private static ClickHouseStore store;
  private static MetricSeriesRepository repository;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    repository = new ClickHouseMetricSeriesRepository(store);
    List<String> rows = new ArrayList<>();
    // api/h1 in two attribute orders: still one series.
    rows.add(point(T0, "api", "cpu", "GAUGE", "['host', 'core']", "['h1', '0']", 1));
    rows.add(
        point(T0.plusSeconds(20), "api", "cpu", "GAUGE", "['core', 'host']", "['0', 'h1']", 3));
    rows.add(
        point(T0.plusSeconds(70), "api", "cpu", "GAUGE", "['host', 'core']", "['h1', '0']", 5));
    rows.add(
        point(T0.plusSeconds(10), "api", "cpu", "GAUGE", "['host', 'core']", "['h2', '0']", 10));
    rows.add(point(T0.plusSeconds(5), "db", "cpu", "SUM", "['host', 'core']", "['h1', '0']", 100));
    // Not read: a histogram of the same name, another metric, a point at the window's end.
    rows.add(point(T0, "api", "cpu", "HISTOGRAM", "['host', 'core']", "['h1', '0']", 7));
    rows.add(point(T0, "api", "mem", "GAUGE", "['host', 'core']", "['h1', '0']", 7));
    rows.add(point(END, "api", "cpu", "GAUGE", "['host', 'core']", "['h1', '0']", 7));
    store.execute(
        "INSERT INTO metric_points (timestamp, time_unix_nano, service_name, metric_name,"
            + " metric_type, attribute_keys, attribute_values, value) VALUES "
            + String.join(", ", rows));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void averagesEachSeriesPerStep() {
    assertThat(series(StepAggregation.AVG))
        .containsExactly(
            new MetricSeries(
                labels("api", "h1"), List.of(new MetricSample(T0, 2), new MetricSample(T1, 5))),
            new MetricSeries(labels("api", "h2"), List.of(new MetricSample(T0, 10))),
            new MetricSeries(labels("db", "h1"), List.of(new MetricSample(T0, 100))));
  }

  @Test
  void lastSumMinAndMaxPerStep() {
    assertThat(series(StepAggregation.LAST).getFirst().samples())
        .containsExactly(new MetricSample(T0, 3), new MetricSample(T1, 5));
    assertThat(series(StepAggregation.SUM).getFirst().samples())
        .containsExactly(new MetricSample(T0, 4), new MetricSample(T1, 5));
    assertThat(series(StepAggregation.MIN).getFirst().samples())
        .containsExactly(new MetricSample(T0, 1), new MetricSample(T1, 5));
    assertThat(series(StepAggregation.MAX).getFirst().samples())
        .containsExactly(new MetricSample(T0, 3), new MetricSample(T1, 5));
  }

  @Test
  void matchersSelectByAttributeAndService() {
    assertThat(labelsOf(List.of(LabelMatcher.equal("host", "h1"))))
        .containsExactly(labels("api", "h1"), labels("db", "h1"));
    assertThat(
            labelsOf(
                List.of(
                    LabelMatcher.equal("host", "h1"), LabelMatcher.notEqual("service.name", "db"))))
        .containsExactly(labels("api", "h1"));
    // A label no series has reads as empty.
    assertThat(labelsOf(List.of(LabelMatcher.equal("zone", "")))).hasSize(3);
    assertThat(labelsOf(List.of(LabelMatcher.equal("host", "h1' OR '1'='1")))).isEmpty();
  }

  @Test
  void oneStepOverTheWindowAggregatesEverything() {
    List<MetricSeries> series =
        repository.series(
            new MetricSeriesQuery(
                "cpu",
                List.of(
                    LabelMatcher.equal("host", "h1"), LabelMatcher.equal("service.name", "api")),
                T0,
                END,
                Duration.ofHours(1),
                StepAggregation.AVG));

    assertThat(series)
        .containsExactly(new MetricSeries(labels("api", "h1"), List.of(new MetricSample(T0, 3))));
  }

  private static List<MetricSeries> series(StepAggregation aggregation) {
    return repository.series(
        new MetricSeriesQuery("cpu", List.of(), T0, END, Duration.ofSeconds(60), aggregation));
  }

  private static List<Map<String, String>> labelsOf(List<LabelMatcher> matchers) {
    return repository
        .series(
            new MetricSeriesQuery(
                "cpu", matchers, T0, END, Duration.ofSeconds(60), StepAggregation.AVG))
        .stream()
        .map(MetricSeries::labels)
        .toList();
  }

  private static Map<String, String> labels(String service, String host) {
    return Map.of("service.name", service, "host", host, "core", "0");
  }

  private static String point(
      Instant time,
      String service,
      String metric,
      String type,
      String keys,
      String values,
      double value) {
    return "(toDateTime("
        + time.getEpochSecond()
        + "), "
        + time.getEpochSecond() * 1_000_000_000L
        + ", "
        + ClickHouseStore.quote(service)
        + ", "
        + ClickHouseStore.quote(metric)
        + ", "
        + ClickHouseStore.quote(type)
        + ", "
        + keys
        + ", "
        + values
        + ", "
        + value
        + ")";
  }
}
