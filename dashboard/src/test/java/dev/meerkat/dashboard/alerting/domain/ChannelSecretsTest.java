package dev.meerkat.dashboard.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.notify.AlertNotification;
import dev.meerkat.store.slo.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets are masked in listings and never printed by toString(). */
class ChannelSecretsTest {

  private static final String SLACK = "https://hooks.slack.com/services/T000/B000/XXXXSECRETXXXX";
  private static final String ROUTING_KEY = "R0UT1NGKEYR0UT1NGKEYR0UT1NGKEY12";
  private static final String HMAC = "hmac-s3cret";

  @Test
  void urlsAreMaskedAfterTheHost() {
    assertThat(Secrets.maskUrl(SLACK)).isEqualTo("https://hooks.slack.com/…****");
    assertThat(Secrets.maskUrl("http://127.0.0.1:8099/hook?token=abc"))
        .isEqualTo("http://127.0.0.1:8099/…****");
    assertThat(Secrets.maskUrl("not a url")).isEqualTo("****");
    assertThat(Secrets.maskUrl("")).isEmpty();
    assertThat(Secrets.mask(HMAC)).isEqualTo("****");
    assertThat(Secrets.mask("")).isEmpty();
  }

  @Test
  void noToStringShowsASecret() {
    Channel channel =
        new Channel(
            "c1",
            "Payments pager",
            ChannelKind.PAGERDUTY,
            new ChannelSecrets(SLACK, ROUTING_KEY, HMAC),
            "",
            "",
            Map.of("team", "payments"));
    ChannelDraft draft =
        new ChannelDraft("n", ChannelKind.WEBHOOK, SLACK, ROUTING_KEY, HMAC, "", "", "");
    OutboxEntry row =
        OutboxEntry.toChannel("o1", "e1", channel, notification(), Instant.EPOCH, true);

    for (Object o : new Object[] {channel, channel.secrets(), draft, row}) {
      assertThat(o.toString())
          .doesNotContain("XXXXSECRETXXXX", "services", ROUTING_KEY, HMAC)
          .doesNotContain(SLACK);
    }
    assertThat(channel.toString()).contains("https://hooks.slack.com/…****", "Payments pager");
    assertThat(row.endpoint()).isEqualTo("https://hooks.slack.com/…****");
  }

  @Test
  void draftProblemsNameTheFieldAndNeverTheSecret() {
    ChannelDraft pagerDuty =
        new ChannelDraft("", ChannelKind.PAGERDUTY, "", "short-s3cret", "", "", "", "team");
    assertThat(pagerDuty.problems(false))
        .containsExactly(
            "Name is required",
            "Routing key must be 32 letters or digits (the Events API v2 integration key), has 12"
                + " characters",
            "'team' is not label=value");

    ChannelDraft webhook =
        new ChannelDraft(
            "Hook", ChannelKind.WEBHOOK, "ftp://x", "", "", "{{slo.owner}}", "", "team=a");
    assertThat(webhook.problems(false))
        .hasSize(2)
        .first()
        .isEqualTo("URL must be an http:// or https:// URL with a host");
    assertThat(webhook.problems(false).get(1)).startsWith("Template: unknown placeholder");

    assertThat(new ChannelDraft("Slack", ChannelKind.SLACK, "", "", "", "", "", "").problems(false))
        .containsExactly("URL is required");
    // Editing: an empty URL keeps the stored one.
    assertThat(new ChannelDraft("Slack", ChannelKind.SLACK, "", "", "", "", "", "").problems(true))
        .isEmpty();
  }

  @Test
  void editKeepsStoredSecretsLeftEmpty() {
    ChannelDraft edit = new ChannelDraft("Hook", ChannelKind.WEBHOOK, "", "", "", "", "", "");
    Channel saved = edit.toChannel("c1", new ChannelSecrets("http://h/x?t=1", "", HMAC));
    assertThat(saved.secrets().url()).isEqualTo("http://h/x?t=1");
    assertThat(saved.secrets().hmacSecret()).isEqualTo(HMAC);
  }

  @Test
  void perChannelKeyStartsWithThePayloadKey() {
    Channel channel =
        new Channel(
            "c9", "x", ChannelKind.WEBHOOK, new ChannelSecrets("http://h/", "", ""), "", "", null);
    OutboxEntry row =
        OutboxEntry.toChannel("o", "e", channel, notification(), Instant.EPOCH, false);
    assertThat(row.idempotencyKey()).isEqualTo("slo-1:page:0:firing@c9");
    assertThat(row.keyMatchesPayload()).isTrue();
    assertThat(row.withIdempotencyKey("other:page:0:firing@c9").keyMatchesPayload()).isFalse();
  }

  private static AlertNotification notification() {
    return new AlertNotification(
        AlertState.FIRING,
        "slo-1",
        "Checkout",
        "checkout",
        0.999,
        Duration.ofDays(30),
        1,
        1,
        1,
        Instant.EPOCH,
        Instant.EPOCH,
        "http://d/");
  }
}
