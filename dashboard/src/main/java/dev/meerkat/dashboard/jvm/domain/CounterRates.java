package dev.meerkat.dashboard.jvm.domain;

import dev.meerkat.store.query.metric.MetricSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Per-minute rates from the samples of a cumulative counter (one value per step, ascending). */
public final class CounterRates {

  private static final double SECONDS_PER_MINUTE = 60;

  private CounterRates() {}

  /**
   * For every sample after the first, the increase since the previous sample per minute of the time
   * between them (steps without a sample in between are spanned). A value lower than the previous
   * one means the counter restarted (the JVM restarted): the increase is then the value itself.
   */
  public static List<MetricSample> perMinute(List<MetricSample> cumulative) {
    List<MetricSample> rates = new ArrayList<>();
    for (int i = 1; i < cumulative.size(); i++) {
      MetricSample previous = cumulative.get(i - 1);
      MetricSample current = cumulative.get(i);
      double increase =
          current.value() >= previous.value()
              ? current.value() - previous.value()
              : current.value();
      double seconds = Duration.between(previous.start(), current.start()).toSeconds();
      rates.add(new MetricSample(current.start(), increase * SECONDS_PER_MINUTE / seconds));
    }
    return rates;
  }
}
