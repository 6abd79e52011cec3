package dev.meerkat.notify;

import dev.meerkat.store.slo.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the JSON body of a generic webhook notification. Pure: the same notification always gives
 * the same bytes (golden-file tested). Ratios are sent as percentages where humans read them
 * (objective, error budget) and the raw values alongside.
 */
public final class WebhookPayloadFormatter {

  /** Version of the payload schema; bump on incompatible changes. */
  static final String SCHEMA_VERSION = "1";

  public String format(AlertNotification n) {
    if (n.isRuleAlert()) {
      return JsonWriter.write(RuleAlertFormats.webhook(n));
    }
    Map<String, Object> slo = new LinkedHashMap<>();
    slo.put("id", n.sloId());
    slo.put("name", n.sloName());
    slo.put("service", n.service());
    slo.put("objectivePercent", n.objective() * 100);
    slo.put("window", windowLabel(n.window()));
    slo.put("windowSeconds", n.window().toSeconds());

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("schemaVersion", SCHEMA_VERSION);
    body.put("status", n.state().wireName());
    body.put("severity", n.severity().wireName());
    body.put("idempotencyKey", n.idempotencyKey());
    body.put("summary", summary(n));
    body.put("slo", slo);
    body.put("burnRate", n.burnRate());
    body.put("burnRateThreshold", n.threshold());
    body.put("errorBudgetRemainingPercent", n.errorBudgetRemaining() * 100);
    body.put("eventTime", iso(n.eventTime()));
    body.put("incidentStart", iso(n.incidentStart()));
    body.put("dashboardUrl", n.dashboardUrl());
    return JsonWriter.write(body);
  }

  static String summary(AlertNotification n) {
    String verb = n.state() == AlertState.FIRING ? "is burning its error budget" : "recovered";
    return "[" + n.state().name() + "] SLO " + n.sloName() + " (" + n.service() + ") " + verb;
  }

  static String iso(Instant instant) {
    return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** {@code 30d}, {@code 1h}, {@code 90m}, or seconds when nothing shorter fits. */
  static String windowLabel(Duration window) {
    long seconds = window.toSeconds();
    if (seconds > 0 && seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds > 0 && seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    if (seconds > 0 && seconds % 60 == 0) {
      return seconds / 60 + "m";
    }
    return seconds + "s";
  }
}
