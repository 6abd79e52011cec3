package dev.meerkat.dashboard.jvm.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.agent.testing.ChildJvm;
import dev.meerkat.agent.testing.Poll;
import dev.meerkat.dashboard.chart.domain.ChartLine;
import dev.meerkat.dashboard.chart.domain.TimeSeriesChart;
import dev.meerkat.dashboard.jvm.IdleApp;
import dev.meerkat.dashboard.testing.CollectorProcess;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.query.ClickHouseHistogramSeriesRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseMetricInstanceRepository;
import dev.meerkat.store.clickhouse.query.ClickHouseMetricSeriesRepository;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * End to end: the real agent jar in a child JVM exports its JVM metrics over OTLP to the real
 * collector, which stores them in a real ClickHouse; the JVM page's service then finds the child as
 * an instance and reads its series. The child runs on this test's JDK with the same options, so its
 * memory pools are this JVM's.
 */
class JvmAgentIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);
  private static final String UUID_V4 =
      "[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

  @Test
  void pageServiceReadsTheAgentsJvmSeries() throws Exception {
    ClickHouseConfig database = ClickHouseFixture.shared().newDatabaseConfig();
    Path work = Files.createTempDirectory("meerkat-jvm-agent-");
    try (CollectorProcess collector = CollectorProcess.start(database, work);
        ChildJvm app =
            ChildJvm.start(
                Path.of(System.getProperty("java.home")),
                List.of(
                    "-Dotel.service.name=jvm-agent-it",
                    "-Dotel.exporter.otlp.endpoint=" + collector.otlpEndpoint(),
                    "-Dotel.traces.exporter=none",
                    "-Dotel.metric.export.interval=500"),
                ChildJvm.testClassPath(),
                IdleApp.class.getName());
        ClickHouseStore store = ClickHouseStore.connect(database)) {
      app.awaitStdout("READY"::equals, DEADLINE);
      JvmMetricsService service =
          new JvmMetricsService(
              new ClickHouseMetricSeriesRepository(store),
              new ClickHouseHistogramSeriesRepository(store),
              new ClickHouseMetricInstanceRepository(store));

      List<String> instances =
          Poll.until(
              DEADLINE,
              () -> service.instances("jvm-agent-it", lastMinutes(15), Instant.now()),
              found -> !found.isEmpty(),
              () -> "no instance; collector log in " + work);
      assertThat(instances).hasSize(1);
      assertThat(instances.getFirst()).matches(UUID_V4);
      Map<String, TimeSeriesChart> charts =
          Poll.until(
              DEADLINE,
              () ->
                  byId(
                      service.charts(
                          "jvm-agent-it", instances.getFirst(), lastMinutes(60), Instant.now())),
              c -> !c.get("threads").isEmpty() && !c.get("heap").isEmpty(),
              () -> "no thread or heap series yet");

      assertThat(labels(charts.get("heap"))).containsExactlyElementsOf(pools(MemoryType.HEAP));
      assertThat(labels(charts.get("non-heap")))
          .containsExactlyElementsOf(pools(MemoryType.NON_HEAP));
      assertThat(labels(charts.get("threads"))).containsExactly("non-daemon", "daemon");
      assertThat(labels(charts.get("classes"))).containsExactly("loaded");
      assertThat(labels(charts.get("cpu-limits"))).contains("available to the JVM");
    }
  }

  /** This JVM's pool names of one type, sorted as the store orders series. */
  /** The real agent stamps points with the real time: the window ends at the real now. */
  private static Instant lastMinutes(long minutes) {
    return Instant.now().minus(Duration.ofMinutes(minutes));
  }

  private static List<String> pools(MemoryType type) {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == type)
        .map(MemoryPoolMXBean::getName)
        .sorted()
        .toList();
  }

  private static List<String> labels(TimeSeriesChart chart) {
    return chart.lines().stream().map(ChartLine::label).toList();
  }

  private static Map<String, TimeSeriesChart> byId(List<TimeSeriesChart> charts) {
    return charts.stream().collect(Collectors.toMap(TimeSeriesChart::id, chart -> chart));
  }
}
