package dev.meerkat.notify;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a metric-rule alert is about, for the channels to say it in the rule's own terms (rather
 * than an SLO's burn rate and budget).
 *
 * @param ruleId the rule's stable id
 * @param ruleName its display name
 * @param measure what it watches: a RED series ({@code error rate}, {@code p95 latency}) or a
 *     stored metric's name
 * @param unit unit of the measure and threshold ({@code %}, {@code ms}, {@code req/s}), empty for a
 *     stored metric
 * @param comparison {@code above} or {@code below}
 * @param threshold the threshold
 * @param observed the value at the change; NaN when the window had no data
 * @param window the window the value is computed over
 * @param forDuration how long the condition must hold before the alert fires
 * @param groupLabels the labels of the alert's group, e.g. {@code service=checkout}
 */
public record RuleDetails(
    String ruleId,
    String ruleName,
    String measure,
    String unit,
    String comparison,
    double threshold,
    double observed,
    Duration window,
    Duration forDuration,
    Map<String, String> groupLabels) {

  public RuleDetails {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(ruleName, "ruleName");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(comparison, "comparison");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(forDuration, "forDuration");
    unit = unit == null ? "" : unit;
    groupLabels = Collections.unmodifiableMap(new TreeMap<>(groupLabels));
  }

  public boolean hasData() {
    return !Double.isNaN(observed);
  }

  /** e.g. {@code error rate above 5 % over 5m for 2m}. */
  public String expression() {
    return measure
        + " "
        + comparison
        + " "
        + withUnit(threshold)
        + " over "
        + WebhookPayloadFormatter.windowLabel(window)
        + (forDuration.isZero() ? "" : " for " + WebhookPayloadFormatter.windowLabel(forDuration));
  }

  /** e.g. {@code error rate 12.5 %}, or {@code no data over 5m}. */
  public String observation() {
    return hasData()
        ? measure + " " + withUnit(observed)
        : "no data over " + WebhookPayloadFormatter.windowLabel(window);
  }

  /** e.g. {@code service=checkout}. */
  public String group() {
    StringBuilder text = new StringBuilder();
    groupLabels.forEach(
        (k, v) -> text.append(text.isEmpty() ? "" : ", ").append(k).append('=').append(v));
    return text.toString();
  }

  String withUnit(double value) {
    return JsonWriter.number(value) + (unit.isEmpty() ? "" : " " + unit);
  }
}
