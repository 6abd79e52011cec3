package dev.meerkat.notify;

import dev.meerkat.store.slo.AlertState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bodies of a metric-rule alert for the generic webhook, Slack and PagerDuty: the rule's name,
 * its expression and threshold, the observed value, the group's labels, the for-duration and the
 * state, instead of an SLO's burn rate and error budget. Pure; golden-file tested.
 */
final class RuleAlertFormats {

  private RuleAlertFormats() {}

  /** e.g. {@code [FIRING] Rule Checkout errors (service=checkout): error rate 12.5 % above 5 %}. */
  static String summary(AlertNotification n) {
    RuleDetails rule = n.rule();
    String condition =
        n.state() == AlertState.FIRING
            ? rule.comparison() + " " + rule.withUnit(rule.threshold())
            : "no longer " + rule.comparison() + " " + rule.withUnit(rule.threshold());
    String observed = rule.hasData() ? rule.observation() + " " + condition : rule.observation();
    return "["
        + n.state().name()
        + "] Rule "
        + rule.ruleName()
        + " ("
        + rule.group()
        + "): "
        + observed;
  }

  /** The generic webhook's JSON, schema version 1, {@code kind: metric-rule}. */
  static Map<String, Object> webhook(AlertNotification n) {
    RuleDetails rule = n.rule();
    Map<String, Object> ruleNode = new LinkedHashMap<>();
    ruleNode.put("id", rule.ruleId());
    ruleNode.put("name", rule.ruleName());
    ruleNode.put("expression", rule.expression());
    ruleNode.put("measure", rule.measure());
    ruleNode.put("comparison", rule.comparison());
    ruleNode.put("threshold", rule.threshold());
    ruleNode.put("unit", rule.unit());
    ruleNode.put("window", WebhookPayloadFormatter.windowLabel(rule.window()));
    ruleNode.put("for", WebhookPayloadFormatter.windowLabel(rule.forDuration()));

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemaVersion", WebhookPayloadFormatter.SCHEMA_VERSION);
    body.put("kind", "metric-rule");
    body.put("status", n.state().wireName());
    body.put("severity", n.severity().wireName());
    body.put("idempotencyKey", n.idempotencyKey());
    body.put("summary", summary(n));
    body.put("alertId", n.sloId());
    body.put("rule", ruleNode);
    body.put("observedValue", rule.observed()); // NaN (no data) is written as null
    body.put("groupLabels", rule.groupLabels());
    body.put("eventTime", WebhookPayloadFormatter.iso(n.eventTime()));
    body.put("incidentStart", WebhookPayloadFormatter.iso(n.incidentStart()));
    body.put("dashboardUrl", n.dashboardUrl());
    return body;
  }

  /** Slack Block Kit: header, the rule's numbers as fields, a link, a context line. */
  static Map<String, Object> slack(AlertNotification n) {
    RuleDetails rule = n.rule();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("text", SlackMessageFormatter.escape(summary(n)));
    Map<String, Object> numbers = new LinkedHashMap<>();
    numbers.put("type", "section");
    numbers.put(
        "fields",
        List.of(
            SlackMessageFormatter.field(
                "Condition", SlackMessageFormatter.escape(rule.expression())),
            SlackMessageFormatter.field(
                "Observed",
                rule.hasData()
                    ? rule.withUnit(rule.observed())
                    : "no data over " + WebhookPayloadFormatter.windowLabel(rule.window())),
            SlackMessageFormatter.field("Group", SlackMessageFormatter.escape(rule.group())),
            SlackMessageFormatter.field("State", n.state().wireName())));
    Map<String, Object> link = new LinkedHashMap<>();
    link.put("type", "section");
    link.put(
        "text",
        SlackMessageFormatter.text(
            "mrkdwn",
            "<" + SlackMessageFormatter.escape(n.dashboardUrl()) + "|Open the rule in Meerkat>"));
    body.put(
        "blocks",
        List.of(
            SlackMessageFormatter.header(n, rule.ruleName()),
            numbers,
            link,
            SlackMessageFormatter.context(n)));
    return body;
  }

  /** PagerDuty Events v2 {@code payload} of a trigger. */
  static Map<String, Object> pagerDutyPayload(AlertNotification n) {
    RuleDetails rule = n.rule();
    String summary = summary(n);
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put(
        "summary",
        summary.length() > PagerDutyEventFormatter.MAX_SUMMARY
            ? summary.substring(0, PagerDutyEventFormatter.MAX_SUMMARY)
            : summary);
    payload.put("source", n.service());
    payload.put("severity", n.severity() == AlertSeverity.PAGE ? "critical" : "warning");
    payload.put("timestamp", WebhookPayloadFormatter.iso(n.eventTime()));
    payload.put("component", n.service());
    payload.put("class", "metric-threshold");
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("rule_id", rule.ruleId());
    details.put("rule_name", rule.ruleName());
    details.put("expression", rule.expression());
    details.put("threshold", rule.threshold());
    details.put("observed_value", rule.observed());
    details.put("unit", rule.unit());
    details.put("window", WebhookPayloadFormatter.windowLabel(rule.window()));
    details.put("for", WebhookPayloadFormatter.windowLabel(rule.forDuration()));
    details.put("group_labels", rule.groupLabels());
    details.put("incident_start", WebhookPayloadFormatter.iso(n.incidentStart()));
    payload.put("custom_details", details);
    return payload;
  }
}
