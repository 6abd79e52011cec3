package dev.meerkat.notify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.slo.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metric-rule alerts in their own shape for the generic webhook, Slack (Block Kit: text fallback,
 * header, section fields, context) and PagerDuty Events v2 ({@code payload.summary}, {@code
 * severity}, {@code source}, {@code custom_details}), against golden files written by hand.
 */
class RuleAlertFormatsTest {

  private static final String ROUTING_KEY = "R0UT1NGKEY0000000000000000000042";
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void genericWebhookCarriesTheRuleExpressionObservedValueAndGroup() {
    assertThat(new WebhookPayloadFormatter().format(errorRateFiring()))
        .isEqualTo(Golden.read("webhook-rule-firing.json"));
  }

  @Test
  void noDataIsWrittenAsNullAndNamedInTheSummary() {
    assertThat(new WebhookPayloadFormatter().format(silentResolved()))
        .isEqualTo(Golden.read("webhook-rule-resolved-no-data.json"));
  }

  @Test
  void slackMessageShowsConditionObservedValueGroupAndState() {
    assertThat(new SlackMessageFormatter().format(errorRateFiring()))
        .isEqualTo(Golden.read("slack-rule-firing.json"));
  }

  @Test
  void pagerDutyTriggerHasTheRuleInItsCustomDetails() {
    assertThat(new PagerDutyEventFormatter().format(errorRateFiring(), ROUTING_KEY))
        .isEqualTo(Golden.read("pagerduty-rule-trigger.json"));
  }

  @Test
  void resolvedSummarySaysTheValueIsNoLongerOverTheThreshold() {
    AlertNotification firing = errorRateFiring();
    RuleDetails rule = firing.rule();
    AlertNotification resolved =
        notification(
            AlertState.RESOLVED,
            AlertSeverity.PAGE,
            new RuleDetails(
                rule.ruleId(),
                rule.ruleName(),
                rule.measure(),
                rule.unit(),
                rule.comparison(),
                rule.threshold(),
                2,
                rule.window(),
                rule.forDuration(),
                rule.groupLabels()),
            T0.plusSeconds(480));
    assertThat(RuleAlertFormats.summary(resolved))
        .isEqualTo(
            "[RESOLVED] Rule Checkout errors (service=checkout): error rate 2 % no longer above 5 %");
  }

  private static AlertNotification errorRateFiring() {
    return notification(
        AlertState.FIRING,
        AlertSeverity.PAGE,
        new RuleDetails(
            "checkout-errors",
            "Checkout errors",
            "error rate",
            "%",
            "above",
            5,
            12.5,
            Duration.ofMinutes(5),
            Duration.ofMinutes(2),
            Map.of("service", "checkout")),
        T0);
  }

  private static AlertNotification silentResolved() {
    return notification(
        AlertState.RESOLVED,
        AlertSeverity.TICKET,
        new RuleDetails(
            "checkout-silent",
            "Checkout silent",
            "request rate",
            "req/s",
            "below",
            0.5,
            Double.NaN,
            Duration.ofMinutes(5),
            Duration.ZERO,
            Map.of("service", "checkout")),
        T0.plusSeconds(480));
  }

  private static AlertNotification notification(
      AlertState state, AlertSeverity severity, RuleDetails rule, Instant at) {
    return new AlertNotification(
        state,
        "rule:" + rule.ruleId() + "/checkout",
        rule.ruleName(),
        "checkout",
        0,
        rule.window(),
        Double.isNaN(rule.observed()) ? 0 : rule.observed(),
        rule.threshold(),
        1,
        at,
        T0,
        "http://localhost:8080/rules",
        severity,
        rule);
  }
}
