package dev.meerkat.dashboard.alerting.store;

import dev.meerkat.notify.AlertNotification;
import dev.meerkat.notify.AlertSeverity;
import dev.meerkat.notify.RuleDetails;
import dev.meerkat.store.slo.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The outbox's {@code payload}: an {@link AlertNotification} as JSON, every field explicit (times
 * as ISO-8601 with full precision, the window in seconds) so that reading it back gives an equal
 * notification, hence the same idempotency key and the same bytes on the wire.
 */
final class NotificationJson {

  private final JsonMapper mapper = JsonMapper.builder().build();

  String write(AlertNotification n) {
    ObjectNode node = mapper.createObjectNode();
    node.put("state", n.state().name());
    node.put("sloId", n.sloId());
    node.put("sloName", n.sloName());
    node.put("service", n.service());
    node.put("objective", n.objective());
    node.put("windowSeconds", n.window().toSeconds());
    node.put("burnRate", n.burnRate());
    node.put("threshold", n.threshold());
    node.put("errorBudgetRemaining", n.errorBudgetRemaining());
    node.put("eventTime", n.eventTime().toString());
    node.put("incidentStart", n.incidentStart().toString());
    node.put("dashboardUrl", n.dashboardUrl());
    node.put("severity", n.severity().name());
    if (n.isRuleAlert()) {
      node.set("rule", rule(n.rule()));
    }
    return mapper.writeValueAsString(node);
  }

  AlertNotification read(String json) {
    JsonNode node = mapper.readTree(json);
    return new AlertNotification(
        AlertState.valueOf(node.get("state").asString()),
        node.get("sloId").asString(),
        node.get("sloName").asString(),
        node.get("service").asString(),
        node.get("objective").asDouble(),
        Duration.ofSeconds(node.get("windowSeconds").asLong()),
        node.get("burnRate").asDouble(),
        node.get("threshold").asDouble(),
        node.get("errorBudgetRemaining").asDouble(),
        Instant.parse(node.get("eventTime").asString()),
        Instant.parse(node.get("incidentStart").asString()),
        node.get("dashboardUrl").asString(),
        // Rows written before severities existed were page alerts.
        node.has("severity")
            ? AlertSeverity.valueOf(node.get("severity").asString())
            : AlertSeverity.PAGE,
        // Rows written before rule alerts had their own payload carry no rule.
        node.has("rule") ? rule(node.get("rule")) : null);
  }

  private ObjectNode rule(RuleDetails rule) {
    ObjectNode node = mapper.createObjectNode();
    node.put("ruleId", rule.ruleId());
    node.put("ruleName", rule.ruleName());
    node.put("measure", rule.measure());
    node.put("unit", rule.unit());
    node.put("comparison", rule.comparison());
    node.put("threshold", rule.threshold());
    // JSON has no NaN: no data is stored as null.
    if (rule.hasData()) {
      node.put("observed", rule.observed());
    } else {
      node.putNull("observed");
    }
    node.put("windowSeconds", rule.window().toSeconds());
    node.put("forSeconds", rule.forDuration().toSeconds());
    ObjectNode labels = node.putObject("groupLabels");
    rule.groupLabels().forEach(labels::put);
    return node;
  }

  private static RuleDetails rule(JsonNode node) {
    Map<String, String> labels = new TreeMap<>();
    node.get("groupLabels")
        .properties()
        .forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
    JsonNode observed = node.get("observed");
    return new RuleDetails(
        node.get("ruleId").asString(),
        node.get("ruleName").asString(),
        node.get("measure").asString(),
        node.get("unit").asString(),
        node.get("comparison").asString(),
        node.get("threshold").asDouble(),
        observed == null || observed.isNull() ? Double.NaN : observed.asDouble(),
        Duration.ofSeconds(node.get("windowSeconds").asLong()),
        Duration.ofSeconds(node.get("forSeconds").asLong()),
        labels);
  }
}
