package dev.meerkat.dashboard.jvm.service;

import dev.meerkat.store.query.metric.LabelMatcher;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * Where the lines of a chart come from: one stored metric, its series selected by {@code matchers},
 * each series one line named by {@code label}, values scaled into the chart's unit.
 */
record LineSource(
    String metric,
    List<LabelMatcher> matchers,
    Reading reading,
    Function<Map<String, String>, String> label,
    DoubleUnaryOperator scale) {

  /** How a series becomes a line. */
  enum Reading {
    /** A gauge or up-down sum: the mean per step. */
    GAUGE,
    /** A cumulative histogram's count: recordings per minute. */
    HISTOGRAM_COUNT_PER_MINUTE,
    /** A cumulative histogram's sum: the sum's increase per minute. */
    HISTOGRAM_SUM_PER_MINUTE
  }

  static LineSource gauge(
      String metric,
      List<LabelMatcher> matchers,
      Function<Map<String, String>, String> label,
      DoubleUnaryOperator scale) {
    return new LineSource(metric, matchers, Reading.GAUGE, label, scale);
  }

  /** Every series of the metric named by the value of one label. */
  static Function<Map<String, String>, String> byLabel(String name) {
    return labels -> labels.getOrDefault(name, "");
  }

  static Function<Map<String, String>, String> named(String label) {
    return labels -> label;
  }
}
