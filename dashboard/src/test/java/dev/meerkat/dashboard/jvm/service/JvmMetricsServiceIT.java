package dev.meerkat.dashboard.jvm.service;

import static dev.meerkat.dashboard.jvm.JvmTelemetry.I1;
import static dev.meerkat.dashboard.jvm.JvmTelemetry.I2;
import static dev.meerkat.dashboard.jvm.JvmTelemetry.NOW;
import static dev.meerkat.dashboard.jvm.JvmTelemetry.SERVICE;
import static dev.meerkat.dashboard.jvm.JvmTelemetry.lastSteps;
import static dev.meerkat.dashboard.jvm.JvmTelemetry.steps;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.chart.domain.ChartLine;
import dev.meerkat.dashboard.chart.domain.TimeSeriesChart;
import dev.meerkat.dashboard.jvm.JvmTelemetry;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.query.ClickHouseHistogramSeriesRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseMetricInstanceRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseMetricSeriesRepository;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JVM charts from points stored by the real writer in a real ClickHouse (JvmTelemetry). */
class JvmMetricsServiceIT {

  private static ClickHouseStore store;
  private static JvmMetricsService service;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    JvmTelemetry.writeInto(store);
    service =
        new JvmMetricsService(
            new ClickHouseMetricSeriesRepository(store),
            new ClickHouseHistogramSeriesRepository(store),
            new ClickHouseMetricInstanceRepository(store));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void instancesOfTheServiceSorted() {
    assertThat(service.instances(SERVICE, NOW.minus(Duration.ofMinutes(15)), NOW))
        .containsExactly(I1, I2);
    assertThat(service.instances("search", NOW.minus(Duration.ofMinutes(15)), NOW)).isEmpty();
  }

  @Test
  void everyChartOfOneInstanceWithExactValuesPerStep() {
    Map<String, TimeSeriesChart> charts =
        byId(service.charts(SERVICE, I1, NOW.minus(Duration.ofMinutes(15)), NOW));

    assertThat(charts.keySet())
        .containsExactly(
            "heap",
            "non-heap",
            "gc-pause",
            "gc-count",
            "threads",
            "cpu",
            "cpu-limits",
            "classes",
            "buffers",
            "memory-limits");
    assertThat(charts.values()).allSatisfy(c -> assertThat(c.epochSeconds()).isEqualTo(steps()));
    // Eden: 10 and 20 MiB in the first minute average to 15.
    assertThat(charts.get("heap"))
        .isEqualTo(
            chart(
                "heap",
                "Heap used by pool",
                "MiB",
                new ChartLine("G1 Eden Space", lastSteps(15.0, 30.0, 20.0)),
                new ChartLine("G1 Old Gen", lastSteps(50.0, 50.0, 50.0))));
    assertThat(charts.get("non-heap").lines())
        .containsExactly(new ChartLine("Metaspace", lastSteps(8.0, 8.0, 8.0)));
    // Cumulative 10, 13, 19 collections and 0.125, 0.25, 0.5 s: per minute from the second.
    assertThat(charts.get("gc-count").lines())
        .containsExactly(
            new ChartLine("G1 Young Generation", lastSteps(null, 13.0 - 10, 19.0 - 13)));
    assertThat(charts.get("gc-pause").lines())
        .containsExactly(
            new ChartLine(
                "G1 Young Generation",
                lastSteps(null, (0.25 - 0.125) * 1000, (0.5 - 0.25) * 1000)));
    assertThat(charts.get("threads").lines())
        .containsExactly(
            new ChartLine("non-daemon", lastSteps(5.0, 5.0, 5.0)),
            new ChartLine("daemon", lastSteps(12.0, 12.0, 12.0)));
    assertThat(charts.get("cpu"))
        .isEqualTo(
            chart(
                "cpu",
                "CPU utilization",
                "%",
                new ChartLine("process", lastSteps(null, 25.0, 50.0))));
    assertThat(charts.get("cpu-limits").lines())
        .containsExactly(
            new ChartLine("available to the JVM", lastSteps(4.0, 4.0, 4.0)),
            new ChartLine("container limit", lastSteps(2.0, 2.0, 2.0)));
    assertThat(charts.get("classes").lines())
        .containsExactly(new ChartLine("loaded", lastSteps(8000.0, 8000.0, 8000.0)));
    assertThat(charts.get("buffers").lines())
        .containsExactly(new ChartLine("direct", lastSteps(1.0, 1.0, 1.0)));
    assertThat(charts.get("memory-limits").lines())
        .containsExactly(new ChartLine("container limit", lastSteps(512.0, 512.0, 512.0)));
  }

  @Test
  void anotherInstanceShowsOnlyItsOwnPoints() {
    Map<String, TimeSeriesChart> charts =
        byId(service.charts(SERVICE, I2, NOW.minus(Duration.ofMinutes(15)), NOW));

    assertThat(charts.get("heap").lines())
        .containsExactly(new ChartLine("G1 Eden Space", lastSteps(null, null, 99.0)));
    assertThat(charts.values().stream().filter(c -> !c.isEmpty()).map(TimeSeriesChart::id))
        .containsExactly("heap");
  }

  @Test
  void longerWindowHasLongerSteps() {
    TimeSeriesChart heap =
        service.charts(SERVICE, I1, NOW.minus(Duration.ofHours(6)), NOW).getFirst();

    // 6 min steps from 06:00: the last, 11:54, averages all four Eden points of I1.
    assertThat(heap.epochSeconds()).hasSize(60);
    assertThat(heap.epochSeconds().getLast()).isEqualTo(NOW.getEpochSecond() - 360);
    assertThat(heap.lines().getFirst().values().getLast()).isEqualTo((10.0 + 20 + 30 + 20) / 4);
  }

  private static TimeSeriesChart chart(String id, String title, String unit, ChartLine... lines) {
    return new TimeSeriesChart(id, title, unit, steps(), List.of(lines));
  }

  private static Map<String, TimeSeriesChart> byId(List<TimeSeriesChart> charts) {
    return charts.stream()
        .collect(
            Collectors.toMap(
                TimeSeriesChart::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
  }
}
