package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.clickhouse.write.ClickHouseMetricWriter;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.model.Temporality;
import dev.meerkat.store.query.metric.HistogramBucketSample;
import dev.meerkat.store.query.metric.HistogramBucketSeries;
import dev.meerkat.store.query.metric.HistogramSample;
import dev.meerkat.store.query.metric.HistogramSeries;
import dev.meerkat.store.query.metric.LabelMatcher;
import dev.meerkat.store.query.metric.MetricSeriesQuery;
import dev.meerkat.store.query.metric.StepAggregation;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Histogram count/sum series and the instances of a service, from points written by the collector's
 * real metric writer: cumulative {@code jvm.gc.duration} of two instances of {@code api}, exported
 * every 30 s.
 */
class ClickHouseHistogramSeriesRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final Instant END = T0.plusSeconds(120);

  private static ClickHouseStore store;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    ClickHouseMetricWriter.create(store)
        .write(
            List.of(
                gc("api", "a-1", "G1 Young Generation", T0.plusSeconds(10), 2, 0.030),
                gc("api", "a-1", "G1 Young Generation", T0.plusSeconds(40), 5, 0.075),
                gc("api", "a-1", "G1 Young Generation", T1.plusSeconds(10), 9, 0.135),
                gc("api", "a-2", "G1 Young Generation", T0.plusSeconds(10), 1, 0.010),
                gc("api", "a-1", "G1 Old Generation", T1.plusSeconds(10), 1, 0.500),
                gc("db", "d-1", "G1 Young Generation", T0.plusSeconds(10), 7, 0.070),
                // Not read: a histogram point at the window's end; a gauge of the same name.
                gc("api", "a-1", "G1 Young Generation", END, 99, 9.9),
                MetricPointRecord.builder(MetricType.GAUGE, "api", "jvm.gc.duration")
                    .time(nanos(T0), nanos(T0))
                    .resource(List.of("service.instance.id"), List.of("a-3"))
                    .value(1)
                    .build()));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void lastCumulativeCountAndSumPerStepForOneInstance() {
    List<HistogramSeries> series =
        new ClickHouseHistogramSeriesRepository(store)
            .histograms(
                new MetricSeriesQuery(
                    "jvm.gc.duration",
                    List.of(
                        LabelMatcher.equal("service.name", "api"),
                        LabelMatcher.equal("service.instance.id", "a-1")),
                    T0,
                    END,
                    Duration.ofSeconds(60),
                    StepAggregation.LAST));

    assertThat(series)
        .containsExactly(
            new HistogramSeries(
                labels("api", "G1 Old Generation"), List.of(new HistogramSample(T1, 1, 0.500))),
            new HistogramSeries(
                labels("api", "G1 Young Generation"),
                List.of(new HistogramSample(T0, 5, 0.075), new HistogramSample(T1, 9, 0.135))));
  }

  @Test
  void sumOverInstancesAndServices() {
    List<HistogramSeries> series =
        new ClickHouseHistogramSeriesRepository(store)
            .histograms(
                new MetricSeriesQuery(
                    "jvm.gc.duration",
                    List.of(LabelMatcher.equal("jvm.gc.name", "G1 Young Generation")),
                    T0,
                    END,
                    Duration.ofSeconds(60),
                    StepAggregation.SUM));

    // api: a-1 at T0 2 + 5 and a-2 1, sums 0.030 + 0.075 + 0.010; db: 7.
    assertThat(series)
        .containsExactly(
            new HistogramSeries(
                labels("api", "G1 Young Generation"),
                List.of(
                    new HistogramSample(T0, 8, 0.030 + 0.075 + 0.010),
                    new HistogramSample(T1, 9, 0.135))),
            new HistogramSeries(
                labels("db", "G1 Young Generation"), List.of(new HistogramSample(T0, 7, 0.070))));
  }

  @Test
  void bucketsSummedElementByElementPerStep() {
    List<HistogramBucketSeries> series =
        new ClickHouseHistogramSeriesRepository(store)
            .histogramBuckets(
                new MetricSeriesQuery(
                    "jvm.gc.duration",
                    List.of(
                        LabelMatcher.equal("service.name", "api"),
                        LabelMatcher.equal("jvm.gc.name", "G1 Young Generation")),
                    T0,
                    END,
                    Duration.ofSeconds(60),
                    StepAggregation.SUM));

    // Each point puts all its values in the middle bucket (0.01, 0.1]: at T0 a-1 2 + 5 and a-2 1.
    assertThat(series)
        .containsExactly(
            new HistogramBucketSeries(
                labels("api", "G1 Young Generation"),
                List.of(
                    new HistogramBucketSample(
                        T0, 8, 0.030 + 0.075 + 0.010, List.of(0.01, 0.1), List.of(0.0, 8.0, 0.0)),
                    new HistogramBucketSample(
                        T1, 9, 0.135, List.of(0.01, 0.1), List.of(0.0, 9.0, 0.0)))));
  }

  @Test
  void bucketsOfTheLatestPointPerStep() {
    List<HistogramBucketSeries> series =
        new ClickHouseHistogramSeriesRepository(store)
            .histogramBuckets(
                new MetricSeriesQuery(
                    "jvm.gc.duration",
                    List.of(LabelMatcher.equal("service.instance.id", "a-1")),
                    T0,
                    T1,
                    Duration.ofSeconds(60),
                    StepAggregation.LAST));

    assertThat(series)
        .containsExactly(
            new HistogramBucketSeries(
                labels("api", "G1 Young Generation"),
                List.of(
                    new HistogramBucketSample(
                        T0, 5, 0.075, List.of(0.01, 0.1), List.of(0.0, 5.0, 0.0)))));
  }

  @Test
  void instancesOfAServiceInTheWindow() {
    ClickHouseMetricInstanceRepository instances = new ClickHouseMetricInstanceRepository(store);

    assertThat(instances.instances("api", T0, END)).containsExactly("a-1", "a-2", "a-3");
    assertThat(instances.instances("api", T1, END)).containsExactly("a-1");
    assertThat(instances.instances("db", T0, END)).containsExactly("d-1");
    assertThat(instances.instances("nope", T0, END)).isEmpty();
  }

  private static Map<String, String> labels(String service, String gc) {
    return Map.of("service.name", service, "jvm.gc.name", gc, "jvm.gc.action", "end of minor GC");
  }

  private static MetricPointRecord gc(
      String service, String instance, String gcName, Instant at, long count, double sum) {
    return MetricPointRecord.builder(MetricType.HISTOGRAM, service, "jvm.gc.duration")
        .time(nanos(T0.minusSeconds(600)), nanos(at))
        .description("Duration of JVM garbage collection actions.", "s")
        .aggregation(false, Temporality.CUMULATIVE)
        .attributes(List.of("jvm.gc.name", "jvm.gc.action"), List.of(gcName, "end of minor GC"))
        .resource(List.of("service.name", "service.instance.id"), List.of(service, instance))
        .value(sum)
        .count(count)
        .buckets(List.of(0.01, 0.1), List.of(0L, count, 0L))
        .build();
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }
}
