package dev.meerkat.notify;

import dev.meerkat.store.slo.AlertState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds PagerDuty Events API v2 events (developer.pagerduty.com, "Send an Alert Event"): a {@code
 * trigger} with the summary, source, severity, timestamp, custom details and a link back to the
 * SLO; a {@code resolve} with only what the API needs. Both carry the same {@code dedup_key}, one
 * per SLO and severity, so the resolve closes the alert the trigger opened and a retried trigger
 * does not open a second one. Pure; golden-file tested. The routing key is a secret: it is only
 * ever written into the body.
 */
public final class PagerDutyEventFormatter {

  /** PagerDuty limits the summary to 1024 characters. */
  static final int MAX_SUMMARY = 1024;

  public String format(AlertNotification n, String routingKey) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("routing_key", routingKey);
    event.put("event_action", n.state() == AlertState.FIRING ? "trigger" : "resolve");
    event.put("dedup_key", dedupKey(n));
    if (n.state() == AlertState.FIRING) {
      event.put("payload", n.isRuleAlert() ? RuleAlertFormats.pagerDutyPayload(n) : payload(n));
      event.put("client", "Meerkat");
      event.put("client_url", n.dashboardUrl());
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("href", n.dashboardUrl());
      link.put("text", n.isRuleAlert() ? "Rule in Meerkat" : "SLO in Meerkat");
      event.put("links", List.of(link));
    }
    return JsonWriter.write(event);
  }

  /** {@code meerkat:<sloId>:<severity>}: stable for the life of an incident. */
  public static String dedupKey(AlertNotification n) {
    return "meerkat:" + n.sloId() + ":" + n.severity().wireName();
  }

  private static Map<String, Object> payload(AlertNotification n) {
    String summary = WebhookPayloadFormatter.summary(n);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(
        "summary", summary.length() > MAX_SUMMARY ? summary.substring(0, MAX_SUMMARY) : summary);
    payload.put("source", n.service());
    payload.put("severity", n.severity() == AlertSeverity.PAGE ? "critical" : "warning");
    payload.put("timestamp", WebhookPayloadFormatter.iso(n.eventTime()));
    payload.put("component", n.service());
    payload.put("class", "slo-burn-rate");
    payload.put("custom_details", details(n));
    return payload;
  }

  private static Map<String, Object> details(AlertNotification n) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("slo_id", n.sloId());
    details.put("slo_name", n.sloName());
    details.put("objective_percent", n.objective() * 100);
    details.put("window", WebhookPayloadFormatter.windowLabel(n.window()));
    details.put("burn_rate", n.burnRate());
    details.put("burn_rate_threshold", n.threshold());
    details.put("error_budget_remaining_percent", n.errorBudgetRemaining() * 100);
    details.put("incident_start", WebhookPayloadFormatter.iso(n.incidentStart()));
    return details;
  }
}
