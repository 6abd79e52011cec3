package dev.meerkat.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Every channel's payload against golden files written by hand from the vendor's docs. */
class ChannelFormattersTest {

  private static final String ROUTING_KEY = "R0UT1NGKEY0000000000000000000042";

  @Test
  void slackFiringAndResolvedMessages() {
    SlackMessageFormatter slack = new SlackMessageFormatter();
    assertThat(slack.format(Notifications.firing())).isEqualTo(Golden.read("slack-firing.json"));
    assertThat(slack.format(Notifications.resolved()))
        .isEqualTo(Golden.read("slack-resolved.json"));
  }

  @Test
  void slackEscapesControlCharactersSoNamesCannotMentionOrLink() {
    assertThat(SlackMessageFormatter.escape("<!channel> & <http://evil|x>"))
        .isEqualTo("&lt;!channel&gt; &amp; &lt;http://evil|x&gt;");
  }

  @Test
  void pagerDutyTriggerAndResolveShareTheDedupKey() {
    PagerDutyEventFormatter pagerDuty = new PagerDutyEventFormatter();
    assertThat(pagerDuty.format(Notifications.firing(), ROUTING_KEY))
        .isEqualTo(Golden.read("pagerduty-trigger.json"));
    assertThat(pagerDuty.format(Notifications.resolved(), ROUTING_KEY))
        .isEqualTo(Golden.read("pagerduty-resolve.json"));
  }

  @Test
  void pagerDutyDedupKeyDiffersPerSeverityAndTicketsAreWarnings() {
    assertThat(PagerDutyEventFormatter.dedupKey(Notifications.ticket()))
        .isEqualTo("meerkat:slo-42:ticket");
    assertThat(new PagerDutyEventFormatter().format(Notifications.ticket(), ROUTING_KEY))
        .contains("\"severity\": \"warning\"");
  }

  @Test
  void alertmanagerWebhookPayloadVersion4() {
    AlertmanagerPayloadFormatter alertmanager = new AlertmanagerPayloadFormatter("team-checkout");
    assertThat(alertmanager.format(Notifications.firing()))
        .isEqualTo(Golden.read("alertmanager-firing.json"));
    assertThat(alertmanager.format(Notifications.resolved()))
        .isEqualTo(Golden.read("alertmanager-resolved.json"));
  }

  @Test
  void alertmanagerGroupHoldsEveryAlertAndOnlyTheSharedLabels() {
    AlertNotification checkout = Notifications.firing();
    AlertNotification cart =
        new AlertNotification(
            checkout.state(),
            "slo-43",
            "Cart availability",
            "cart",
            checkout.objective(),
            checkout.window(),
            checkout.burnRate(),
            checkout.threshold(),
            checkout.errorBudgetRemaining(),
            checkout.eventTime(),
            checkout.incidentStart(),
            checkout.dashboardUrl());
    // Golden written from the single-alert golden (fingerprint of the cart labels by FNV-1a 64).
    assertThat(
            new AlertmanagerPayloadFormatter("team-checkout")
                .formatGroup(
                    List.of(checkout, cart),
                    Map.of("severity", "page", "alertname", "MeerkatSloBurnRate")))
        .isEqualTo(Golden.read("alertmanager-group.json"));
  }

  @Test
  void alertmanagerFingerprintIsFnv1a64OfTheSortedLabels() {
    // FNV-1a 64 of "a" 0xff "b" 0xff, computed by hand from the FNV constants:
    // offset 0xcbf29ce484222325, prime 0x100000001b3 (same as Python's reference in the report).
    Map<String, String> labels = new TreeMap<>(Map.of("a", "b"));
    long hash = 0xcbf29ce484222325L;
    for (int b : new int[] {'a', 0xff, 'b', 0xff}) {
      hash = (hash ^ b) * 0x100000001b3L;
    }
    assertThat(AlertmanagerPayloadFormatter.fingerprint(labels))
        .isEqualTo(String.format("%016x", hash));
    assertThat(AlertmanagerPayloadFormatter.labelSetString(labels)).isEqualTo("{a=\"b\"}");
  }

  @Test
  void genericWebhookTemplateRendersPlaceholdersJsonEscaped() {
    WebhookTemplate template = WebhookTemplate.parse(Golden.read("webhook-template.txt"));
    assertThat(template.render(Notifications.firing()))
        .isEqualTo(Golden.read("webhook-template-firing.json"));
  }
}
