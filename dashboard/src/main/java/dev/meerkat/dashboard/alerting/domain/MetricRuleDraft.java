package dev.meerkat.dashboard.alerting.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A metric rule as typed in the form; {@link #problems()} words every mistake for the form. */
public record MetricRuleDraft(
    String name,
    MetricSeries series,
    String service,
    MetricRule.Comparison comparison,
    Double threshold,
    String window,
    String forDuration,
    MetricRule.NoData noData,
    String repeatInterval,
    String labels,
    String metricName) {

  private static final Duration SHORTEST_WINDOW = Duration.ofMinutes(1);

  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (name == null || name.isBlank()) {
      problems.add("Name is required");
    }
    if (series == null) {
      problems.add("Series is required");
    }
    if (series == MetricSeries.METRIC && (metricName == null || metricName.isBlank())) {
      problems.add("Metric name is required for a stored metric, e.g. jvm.memory.used");
    }
    if (comparison == null) {
      problems.add("Above or below is required");
    }
    if (threshold == null || threshold.isNaN() || threshold.isInfinite()) {
      problems.add("Threshold must be a number");
    } else if (threshold < 0 && series != MetricSeries.METRIC) {
      problems.add("Threshold must not be negative, was " + Numbers.plain(threshold));
    } else if (series == MetricSeries.ERROR_RATE && threshold > 100) {
      problems.add("Error rate threshold is a percentage (0-100), was " + Numbers.plain(threshold));
    }
    Duration w = Numbers.parseDuration(window);
    if (w == null || w.compareTo(SHORTEST_WINDOW) < 0 || w.toSeconds() % 60 != 0) {
      problems.add("Window must be whole minutes, at least 1m (e.g. 5m, 1h), was '" + window + "'");
    }
    if (Numbers.parseDuration(forDuration) == null) {
      problems.add("For must be a duration such as 0, 2m or 1h, was '" + forDuration + "'");
    }
    if (Numbers.parseDuration(repeatInterval) == null) {
      problems.add("Repeat must be a duration such as 0 (never), 4h, was '" + repeatInterval + "'");
    }
    if (noData == null) {
      problems.add("No-data handling is required");
    }
    LabelMatchers.parse(labels, problems);
    return problems;
  }

  public MetricRule toRule(String id, boolean enabled) {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    return new MetricRule(
        id,
        name.strip(),
        series,
        service,
        comparison,
        threshold,
        Numbers.parseDuration(window),
        Numbers.parseDuration(forDuration),
        noData,
        Numbers.parseDuration(repeatInterval),
        LabelMatchers.parse(labels).required(),
        enabled,
        series == MetricSeries.METRIC ? metricName : "");
  }
}
