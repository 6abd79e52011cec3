package dev.meerkat.notify;

import dev.meerkat.store.slo.AlertState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the body Prometheus Alertmanager POSTs to webhook receivers (prometheus.io, Alertmanager
 * configuration, {@code <webhook_config>}, payload version 4), so a receiver written for
 * Alertmanager (a chat bridge, an incident tool, a custom service) accepts Meerkat's SLO alerts
 * unchanged. One group per SLO and severity, holding that one alert. As Alertmanager does: labels
 * are sorted by name, a firing alert ends at Go's zero time {@code 0001-01-01T00:00:00Z}, and the
 * fingerprint is the FNV-1a 64-bit hash of the sorted labels (name, 0xff, value, 0xff ...) as 16
 * hex digits. Pure; golden-file tested.
 */
public final class AlertmanagerPayloadFormatter {

  static final String ALERT_NAME = "MeerkatSloBurnRate";
  private static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

  private final String receiver;

  /**
   * @param receiver the receiver name reported in the payload, as in an Alertmanager config
   */
  public AlertmanagerPayloadFormatter(String receiver) {
    if (receiver == null || receiver.isBlank()) {
      throw new IllegalArgumentException("receiver name is required");
    }
    this.receiver = receiver;
  }

  public String format(AlertNotification n) {
    Map<String, String> labels = labels(n);
    Map<String, String> groupLabels = new TreeMap<>();
    groupLabels.put("severity", labels.get("severity"));
    groupLabels.put("slo", labels.get("slo"));
    return formatGroup(List.of(n), groupLabels);
  }

  /**
   * Several alerts of one group in one payload, as Alertmanager sends a group: the status is {@code
   * firing} when any alert fires, {@code commonLabels} and {@code commonAnnotations} hold the pairs
   * every alert shares, and the alerts keep their order.
   */
  public String formatGroup(List<AlertNotification> group, Map<String, String> groupLabels) {
    if (group.isEmpty()) {
      throw new IllegalArgumentException("a group has at least one alert");
    }
    List<Map<String, Object>> alerts = new ArrayList<>();
    Map<String, String> commonLabels = null;
    Map<String, String> commonAnnotations = null;
    boolean firing = false;
    for (AlertNotification n : group) {
      Map<String, String> labels = labels(n);
      Map<String, String> annotations = annotations(n);
      alerts.add(alert(n, labels, annotations));
      commonLabels = common(commonLabels, labels);
      commonAnnotations = common(commonAnnotations, annotations);
      firing |= n.state() == AlertState.FIRING;
    }
    Map<String, String> sortedGroupLabels = new TreeMap<>(groupLabels);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", "4");
    body.put("groupKey", "{}:" + labelSetString(sortedGroupLabels));
    body.put("truncatedAlerts", 0);
    body.put("status", (firing ? AlertState.FIRING : AlertState.RESOLVED).wireName());
    body.put("receiver", receiver);
    body.put("groupLabels", sortedGroupLabels);
    body.put("commonLabels", commonLabels);
    body.put("commonAnnotations", commonAnnotations);
    body.put("externalURL", group.getFirst().dashboardUrl());
    body.put("alerts", alerts);
    return JsonWriter.write(body);
  }

  /** The pairs of {@code next} that {@code sofar} also has (all of next for the first alert). */
  private static Map<String, String> common(Map<String, String> sofar, Map<String, String> next) {
    if (sofar == null) {
      return next;
    }
    Map<String, String> shared = new TreeMap<>();
    sofar.forEach(
        (k, v) -> {
          if (v.equals(next.get(k))) {
            shared.put(k, v);
          }
        });
    return shared;
  }

  private static Map<String, Object> alert(
      AlertNotification n, Map<String, String> labels, Map<String, String> annotations) {
    Map<String, Object> alert = new LinkedHashMap<>();
    alert.put("status", n.state().wireName());
    alert.put("labels", labels);
    alert.put("annotations", annotations);
    alert.put("startsAt", WebhookPayloadFormatter.iso(n.incidentStart()));
    alert.put(
        "endsAt",
        n.state() == AlertState.FIRING ? GO_ZERO_TIME : WebhookPayloadFormatter.iso(n.eventTime()));
    alert.put("generatorURL", n.dashboardUrl());
    alert.put("fingerprint", fingerprint(labels));
    return alert;
  }

  private static Map<String, String> labels(AlertNotification n) {
    Map<String, String> labels = new TreeMap<>();
    labels.put("alertname", ALERT_NAME);
    labels.put("service", n.service());
    labels.put("severity", n.severity().wireName());
    labels.put("slo", n.sloId());
    return labels;
  }

  private static Map<String, String> annotations(AlertNotification n) {
    Map<String, String> annotations = new TreeMap<>();
    annotations.put("summary", WebhookPayloadFormatter.summary(n));
    annotations.put("slo_name", n.sloName());
    annotations.put("objective_percent", JsonWriter.number(n.objective() * 100));
    annotations.put("window", WebhookPayloadFormatter.windowLabel(n.window()));
    annotations.put("burn_rate", JsonWriter.number(n.burnRate()));
    annotations.put("burn_rate_threshold", JsonWriter.number(n.threshold()));
    annotations.put(
        "error_budget_remaining_percent", JsonWriter.number(n.errorBudgetRemaining() * 100));
    annotations.put("dashboard_url", n.dashboardUrl());
    return annotations;
  }

  /** Alertmanager's label-set rendering: {@code {a="x", b="y"}}, sorted, values Go-quoted. */
  static String labelSetString(Map<String, String> sortedLabels) {
    StringBuilder out = new StringBuilder("{");
    sortedLabels.forEach(
        (name, value) -> {
          if (out.length() > 1) {
            out.append(", ");
          }
          out.append(name).append('=');
          JsonWriter.writeString(out, value);
        });
    return out.append('}').toString();
  }

  /** FNV-1a 64 over name 0xff value 0xff per label, in name order (Prometheus' fingerprint). */
  static String fingerprint(Map<String, String> sortedLabels) {
    long hash = 0xcbf29ce484222325L;
    for (Map.Entry<String, String> label : sortedLabels.entrySet()) {
      hash = add(hash, label.getKey().getBytes(StandardCharsets.UTF_8));
      hash = add(hash, new byte[] {(byte) 0xff});
      hash = add(hash, label.getValue().getBytes(StandardCharsets.UTF_8));
      hash = add(hash, new byte[] {(byte) 0xff});
    }
    return String.format("%016x", hash);
  }

  private static long add(long hash, byte[] bytes) {
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
