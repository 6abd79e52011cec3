package dev.meerkat.dashboard.jvm.domain;

import java.util.List;

/**
 * One time-series chart of the JVM page.
 *
 * @param id stable name, used in element ids ({@code jvm-chart-heap})
 * @param title heading
 * @param unit unit of the y axis and of every value ("MiB", "%", "/min")
 * @param epochSeconds step starts, one per step of the window
 * @param lines the lines, each with one value per step
 */
public record JvmChart(
    String id, String title, String unit, List<Long> epochSeconds, List<ChartLine> lines) {

  public JvmChart {
    epochSeconds = List.copyOf(epochSeconds);
    lines = List.copyOf(lines);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }
}
