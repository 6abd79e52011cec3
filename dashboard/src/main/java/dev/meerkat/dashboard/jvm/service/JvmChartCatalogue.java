package dev.meerkat.dashboard.jvm.service;

import static dev.meerkat.dashboard.jvm.service.LineSource.byLabel;
import static dev.meerkat.dashboard.jvm.service.LineSource.gauge;
import static dev.meerkat.dashboard.jvm.service.LineSource.named;

import dev.meerkat.dashboard.jvm.service.LineSource.Reading;
import dev.meerkat.store.query.metric.LabelMatcher;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The charts of the JVM page, in page order, over the metrics the Meerkat agent exports (names of
 * the OpenTelemetry JVM semantic conventions; {@code container.*} are Meerkat's own, see
 * agent/tooling {@code JvmResourceMetrics}).
 */
final class JvmChartCatalogue {

  static final double BYTES_PER_MIB = 1024 * 1024;
  static final DoubleUnaryOperator MIB = bytes -> bytes / BYTES_PER_MIB;
  static final DoubleUnaryOperator AS_IS = value -> value;

  static final List<ChartSpec> CHARTS =
      List.of(
          memory("heap", "Heap used by pool", "heap"),
          memory("non-heap", "Non-heap used by pool", "non_heap"),
          new ChartSpec(
              "gc-pause",
              "GC pause time",
              "ms/min",
              List.of(gc(Reading.HISTOGRAM_SUM_PER_MINUTE, seconds -> seconds * 1000))),
          new ChartSpec(
              "gc-count",
              "GC count",
              "/min",
              List.of(gc(Reading.HISTOGRAM_COUNT_PER_MINUTE, AS_IS))),
          new ChartSpec(
              "threads",
              "Threads",
              "threads",
              List.of(
                  gauge(
                      "jvm.thread.count",
                      List.of(),
                      labels ->
                          "true".equals(labels.get("jvm.thread.daemon")) ? "daemon" : "non-daemon",
                      AS_IS))),
          new ChartSpec(
              "cpu",
              "CPU utilization",
              "%",
              List.of(
                  gauge(
                      "jvm.cpu.recent_utilization",
                      List.of(),
                      named("process"),
                      ratio -> ratio * 100))),
          new ChartSpec(
              "cpu-limits",
              "Processors and container CPU limit",
              "cores",
              List.of(
                  gauge("jvm.cpu.count", List.of(), named("available to the JVM"), AS_IS),
                  gauge("container.cpu.limit", List.of(), named("container limit"), AS_IS))),
          new ChartSpec(
              "classes",
              "Loaded classes",
              "classes",
              List.of(gauge("jvm.class.count", List.of(), named("loaded"), AS_IS))),
          new ChartSpec(
              "buffers",
              "Buffer pools used",
              "MiB",
              List.of(
                  gauge(
                      "jvm.buffer.memory.used", List.of(), byLabel("jvm.buffer.pool.name"), MIB))),
          new ChartSpec(
              "memory-limits",
              "Container memory limit",
              "MiB",
              List.of(gauge("container.memory.limit", List.of(), named("container limit"), MIB))));

  private JvmChartCatalogue() {}

  private static ChartSpec memory(String id, String title, String type) {
    return new ChartSpec(
        id,
        title,
        "MiB",
        List.of(
            gauge(
                "jvm.memory.used",
                List.of(LabelMatcher.equal("jvm.memory.type", type)),
                byLabel("jvm.memory.pool.name"),
                MIB)));
  }

  private static LineSource gc(Reading reading, DoubleUnaryOperator scale) {
    return new LineSource("jvm.gc.duration", List.of(), reading, byLabel("jvm.gc.name"), scale);
  }
}
