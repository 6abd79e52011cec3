package dev.meerkat.dashboard.chart.domain;

import java.util.List;

/**
 * One time-series chart: the JVM page's charts and the service page's RED charts.
 *
 * @param id stable name, used in element ids ({@code jvm-chart-heap})
 * @param title heading
 * @param unit unit of the y axis and of every value ("MiB", "%", "/min")
 * @param epochSeconds step starts, one per step of the window
 * @param lines the lines, each with one value per step
 */
public record TimeSeriesChart(
    String id, String title, String unit, List<Long> epochSeconds, List<ChartLine> lines) {

  public TimeSeriesChart {
    epochSeconds = List.copyOf(epochSeconds);
    lines = List.copyOf(lines);
  }

  public boolean isEmpty() {
    return lines.isEmpty();
  }
}
