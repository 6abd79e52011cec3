package dev.meerkat.dashboard.services.domain;

import dev.meerkat.dashboard.chart.domain.ChartLine;
import dev.meerkat.dashboard.chart.domain.TimeSeriesChart;
import dev.meerkat.dashboard.jvm.domain.StepGrid;
import dev.meerkat.store.query.RedPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The service page's three RED charts over a window: request rate, error rate and latency
 * quantiles, one value per step. Steps without requests have rate 0 and no error rate or latency
 * (gaps), so a quiet minute is not drawn as a fast, error-free one.
 */
public final class RedCharts {

  private static final int STEPS = 60;

  private RedCharts() {}

  /** One minute, or a sixtieth of the window rounded up to whole minutes when that is longer. */
  public static Duration step(Duration window) {
    long minutes = Math.ceilDiv(window.toSeconds(), STEPS * 60L);
    return Duration.ofMinutes(Math.max(1, minutes));
  }

  public static List<TimeSeriesChart> of(
      List<RedPoint> points, Instant from, Instant to, Duration step) {
    StepGrid grid = StepGrid.of(from, to, step);
    long seconds = step.toSeconds();
    Map<Long, RedPoint> byStep = new HashMap<>();
    for (RedPoint point : points) {
      byStep.put(Math.floorDiv(point.start().getEpochSecond(), seconds) * seconds, point);
    }
    List<Long> times = grid.epochSeconds();
    return List.of(
        new TimeSeriesChart(
            "rate",
            "Request rate",
            "req/s",
            times,
            List.of(line("requests", times, byStep, RedPoint::requestsPerSecond, 0.0))),
        new TimeSeriesChart(
            "errors",
            "Error rate",
            "%",
            times,
            List.of(line("errors", times, byStep, p -> p.errorRatio() * 100, null))),
        new TimeSeriesChart(
            "latency",
            "Latency",
            "ms",
            times,
            List.of(
                line("p50", times, byStep, RedPoint::p50Millis, null),
                line("p95", times, byStep, RedPoint::p95Millis, null),
                line("p99", times, byStep, RedPoint::p99Millis, null))));
  }

  private static ChartLine line(
      String label,
      List<Long> times,
      Map<Long, RedPoint> byStep,
      ToDoubleFunction<RedPoint> value,
      Double withoutRequests) {
    List<Double> values = new ArrayList<>(times.size());
    for (Long start : times) {
      RedPoint point = byStep.get(start);
      double v = point == null ? Double.NaN : value.applyAsDouble(point);
      values.add(Double.isFinite(v) ? Double.valueOf(v) : withoutRequests);
    }
    return new ChartLine(label, values);
  }
}
