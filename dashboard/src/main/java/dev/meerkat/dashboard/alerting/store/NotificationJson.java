package dev.meerkat.dashboard.alerting.store;

import dev.meerkat.notify.AlertNotification;
import dev.meerkat.notify.AlertSeverity;
import dev.meerkat.store.slo.AlertState;
import java.time.Duration;
import java.time.Instant;
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
        // Rows written before severities existed were pages.
        node.has("severity")
            ? AlertSeverity.valueOf(node.get("severity").asString())
            : AlertSeverity.PAGE);
  }
}
