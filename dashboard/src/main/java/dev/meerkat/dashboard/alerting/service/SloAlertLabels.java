package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.Severity;
import dev.meerkat.store.slo.SloDefinition;
import java.util.Map;
import java.util.TreeMap;

/**
 * The labels an SLO's burn-rate alert is routed, silenced and grouped by: the SLO's own labels,
 * then {@code slo} (its id), {@code service}, {@code severity} ({@code page} or {@code ticket}) and
 * {@code alertname} ({@value #ALERT_NAME}, the name the Alertmanager-compatible payload uses). The
 * fixed ones win over an SLO label of the same name, so a route on {@code severity=page} always
 * means what it says.
 */
public final class SloAlertLabels {

  public static final String ALERT_NAME = "MeerkatSloBurnRate";

  private SloAlertLabels() {}

  public static Map<String, String> of(SloDefinition slo, Severity severity) {
    Map<String, String> labels = new TreeMap<>(slo.spec().labels());
    labels.put("slo", slo.id());
    labels.put("service", slo.service());
    labels.put("severity", severity.wireName());
    labels.put("alertname", ALERT_NAME);
    return labels;
  }
}
