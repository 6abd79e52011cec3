package dev.meerkat.dashboard.jvm.domain;

import dev.meerkat.dashboard.chart.domain.ChartLine;
import dev.meerkat.store.query.metric.MetricSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * Every step start of a window (multiples of the step since the epoch, as the store's steps), so
 * each line of a chart has one value per step and a missing point is a gap, not a shifted line.
 */
public record StepGrid(List<Long> epochSeconds) {

  private static final int STEPS = 60;

  public StepGrid {
    epochSeconds = List.copyOf(epochSeconds);
  }

  /**
   * One minute, the agent's default export interval (so a step without a point is a real gap), or a
   * sixtieth of the window in whole minutes when that is longer (6 min for 6 h, 3 min for a custom
   * 2 h 1 min).
   */
  public static Duration stepFor(Instant from, Instant to) {
    long sixtiethMinutes = Math.ceilDiv(Duration.between(from, to).toSeconds(), STEPS * 60L);
    return Duration.ofMinutes(Math.max(1, sixtiethMinutes));
  }

  /** Steps from the one holding {@code from} up to the last starting before {@code to}. */
  public static StepGrid of(Instant from, Instant to, Duration step) {
    long seconds = step.toSeconds();
    List<Long> starts = new ArrayList<>();
    for (long start = Math.floorDiv(from.getEpochSecond(), seconds) * seconds;
        start < to.getEpochSecond();
        start += seconds) {
      starts.add(start);
    }
    return new StepGrid(starts);
  }

  /** The samples' values, scaled, at their steps; null at steps without a sample. */
  public ChartLine line(String label, List<MetricSample> samples, DoubleUnaryOperator scale) {
    Map<Long, Double> byStart = new HashMap<>();
    for (MetricSample sample : samples) {
      byStart.put(sample.start().getEpochSecond(), scale.applyAsDouble(sample.value()));
    }
    List<Double> values = new ArrayList<>(epochSeconds.size());
    for (Long start : epochSeconds) {
      values.add(byStart.get(start));
    }
    return new ChartLine(label, values);
  }
}
