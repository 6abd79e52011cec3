package dev.meerkat.dashboard.alerting.domain;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A threshold rule on a RED series.
 *
 * @param id stable id
 * @param name display name
 * @param series what is measured
 * @param service the one service watched, or empty for every service with traffic: one alert per
 *     service (grouped by service)
 * @param comparison fires when the value is above or below the threshold
 * @param threshold in the series' unit
 * @param window the value is computed over the last {@code window} of whole minutes
 * @param forDuration the condition must hold this long (PENDING meanwhile) before it fires
 * @param noData what a window without any request means
 * @param repeatInterval a still-firing alert is notified again after this, zero for never
 * @param labels routing labels (severity, team); {@code service} is added per group
 * @param enabled disabled rules are not evaluated
 * @param metricName the stored metric for {@link MetricSeries#METRIC}, empty otherwise
 */
public record MetricRule(
    String id,
    String name,
    MetricSeries series,
    String service,
    Comparison comparison,
    double threshold,
    Duration window,
    Duration forDuration,
    NoData noData,
    Duration repeatInterval,
    Map<String, String> labels,
    boolean enabled,
    String metricName) {

  /** A rule on a RED series. */
  public MetricRule(
      String id,
      String name,
      MetricSeries series,
      String service,
      Comparison comparison,
      double threshold,
      Duration window,
      Duration forDuration,
      NoData noData,
      Duration repeatInterval,
      Map<String, String> labels,
      boolean enabled) {
    this(
        id,
        name,
        series,
        service,
        comparison,
        threshold,
        window,
        forDuration,
        noData,
        repeatInterval,
        labels,
        enabled,
        "");
  }

  public enum Comparison {
    ABOVE,
    BELOW;

    public boolean breaches(double value, double threshold) {
      return this == ABOVE ? value > threshold : value < threshold;
    }
  }

  /** A window without requests: fine, or a reason to fire (after the same for-duration). */
  public enum NoData {
    OK,
    FIRE
  }

  public MetricRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(forDuration, "forDuration");
    Objects.requireNonNull(noData, "noData");
    Objects.requireNonNull(repeatInterval, "repeatInterval");
    service = service == null ? "" : service.strip();
    labels = Map.copyOf(labels == null ? Map.of() : labels);
    metricName = metricName == null ? "" : metricName.strip();
  }

  public boolean everyService() {
    return service.isEmpty();
  }

  /** Whether this reading (empty: no data) counts as breaching. */
  public boolean breaches(OptionalDouble value) {
    return value.isPresent()
        ? comparison.breaches(value.getAsDouble(), threshold)
        : noData == NoData.FIRE;
  }

  /** Routing labels of one group: the rule's labels, {@code service}, {@code alertname}. */
  public Map<String, String> labelsOf(String group) {
    Map<String, String> all = new TreeMap<>(labels);
    all.put("service", group);
    all.put("alertname", name);
    all.putIfAbsent("severity", "page");
    return all;
  }

  /** e.g. "error rate above 5 % over 5m for 2m". */
  public String describe() {
    return (series == MetricSeries.METRIC ? metricName : series.label())
        + " "
        + comparison.name().toLowerCase(Locale.ROOT)
        + " "
        + Numbers.plain(threshold)
        + (series.unit().isEmpty() ? "" : " " + series.unit())
        + " over "
        + Numbers.duration(window)
        + (forDuration.isZero() ? "" : " for " + Numbers.duration(forDuration));
  }
}
