package dev.meerkat.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each channel delivers its exact payload and headers to a real HTTP receiver on 127.0.0.1. */
class ChannelDeliveryTest {

  private static final String ROUTING_KEY = "R0UT1NGKEY0000000000000000000042";
  private static final RetryPolicy RETRIES =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final ScriptedReceiver receiver;

  ChannelDeliveryTest() throws IOException {
    receiver = new ScriptedReceiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void slackPostsTheMessageWithoutIdempotencyHeader() {
    SlackNotifier slack =
        SlackNotifier.builder()
            .outboundPolicy(ScriptedReceiver.ALLOWED)
            .retryPolicy(RETRIES)
            .sleeper(sleeps::add)
            .build();

    DeliveryResult result =
        slack.deliver(receiver.uri("/services/T000/B000/XXXXSECRET"), Notifications.firing());

    assertThat(result)
        .isEqualTo(new DeliveryResult(DeliveryResult.Status.DELIVERED, 1, "HTTP 200", 200, null));
    ScriptedReceiver.Received request = receiver.received().getFirst();
    assertThat(request.path()).isEqualTo("/services/T000/B000/XXXXSECRET");
    assertThat(request.contentType()).isEqualTo("application/json");
    assertThat(request.idempotencyKey()).isNull();
    assertThat(request.body()).isEqualTo(Golden.read("slack-firing.json"));
  }

  @Test
  void pagerDutyTriggersThenResolvesWithOneDedupKeyRetrying429() {
    receiver.thenRespond(429, Map.of("Retry-After", "2")).thenRespond(202);
    PagerDutyNotifier pagerDuty =
        PagerDutyNotifier.builder()
            .outboundPolicy(ScriptedReceiver.ALLOWED)
            .routingKey(ROUTING_KEY)
            .retryPolicy(RETRIES)
            .sleeper(sleeps::add)
            .build();

    DeliveryResult trigger = pagerDuty.deliver(receiver.uri("/v2/enqueue"), Notifications.firing());
    DeliveryResult resolve =
        pagerDuty.deliver(receiver.uri("/v2/enqueue"), Notifications.resolved());

    assertThat(trigger)
        .isEqualTo(new DeliveryResult(DeliveryResult.Status.DELIVERED, 2, "HTTP 202", 202, null));
    assertThat(resolve)
        .isEqualTo(new DeliveryResult(DeliveryResult.Status.DELIVERED, 1, "HTTP 202", 202, null));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    assertThat(receiver.received())
        .extracting(ScriptedReceiver.Received::path, ScriptedReceiver.Received::body)
        .containsExactly(
            tuple("/v2/enqueue", Golden.read("pagerduty-trigger.json")),
            tuple("/v2/enqueue", Golden.read("pagerduty-trigger.json")),
            tuple("/v2/enqueue", Golden.read("pagerduty-resolve.json")));
  }

  @Test
  void pagerDutyDefaultsToTheEventsApi() {
    assertThat(PagerDutyNotifier.EVENTS_API).hasToString("https://events.pagerduty.com/v2/enqueue");
  }

  @Test
  void pagerDutyRejectsMissingOrMalformedRoutingKeysWithoutEchoingThem() {
    assertThatThrownBy(() -> PagerDutyNotifier.builder().build())
        .hasMessage("PagerDuty routing key is required");
    assertThatThrownBy(() -> PagerDutyNotifier.builder().routingKey("not-a-key!").build())
        .hasMessage("PagerDuty routing key must be 32 letters or digits, was 10 characters");
  }

  @Test
  void alertmanagerWebhookPostsVersion4PayloadWithIdempotencyKey() {
    AlertmanagerWebhookNotifier alertmanager =
        AlertmanagerWebhookNotifier.builder()
            .outboundPolicy(ScriptedReceiver.ALLOWED)
            .receiver("team-checkout")
            .retryPolicy(RETRIES)
            .sleeper(sleeps::add)
            .build();

    alertmanager.deliver(receiver.uri("/alerts"), Notifications.resolved());

    ScriptedReceiver.Received request = receiver.received().getFirst();
    assertThat(request.idempotencyKey()).isEqualTo("slo-42:page:1772366400:resolved");
    assertThat(request.body()).isEqualTo(Golden.read("alertmanager-resolved.json"));
  }

  @Test
  void genericWebhookSignsTheExactBodyItSends() {
    GenericWebhookNotifier webhook =
        GenericWebhookNotifier.builder()
            .outboundPolicy(ScriptedReceiver.ALLOWED)
            .secret("s3cr3t-key")
            .retryPolicy(RETRIES)
            .sleeper(sleeps::add)
            .build();

    webhook.deliver(receiver.uri("/hook"), Notifications.firing());

    ScriptedReceiver.Received request = receiver.received().getFirst();
    assertThat(request.body()).isEqualTo(Golden.read("firing.json"));
    assertThat(request.header("X-Meerkat-Signature"))
        .isEqualTo(new WebhookSigner("s3cr3t-key").signature(Golden.read("firing.json")))
        .startsWith("sha256=")
        .hasSize("sha256=".length() + 64);
    assertThat(request.idempotencyKey()).isEqualTo("slo-42:page:1772366400:firing");
  }

  @Test
  void genericWebhookWithoutSecretSendsNoSignature() {
    GenericWebhookNotifier.builder()
        .outboundPolicy(ScriptedReceiver.ALLOWED)
        .build()
        .deliver(receiver.uri("/hook"), Notifications.firing());

    assertThat(receiver.received().getFirst().header("X-Meerkat-Signature")).isNull();
  }

  @Test
  void genericWebhookSendsTheRenderedTemplate() {
    GenericWebhookNotifier webhook =
        GenericWebhookNotifier.builder()
            .outboundPolicy(ScriptedReceiver.ALLOWED)
            .template(Golden.read("webhook-template.txt"))
            .secret("k")
            .build();

    webhook.deliver(receiver.uri("/hook"), Notifications.firing());

    ScriptedReceiver.Received request = receiver.received().getFirst();
    assertThat(request.body()).isEqualTo(Golden.read("webhook-template-firing.json"));
    assertThat(request.header("X-Meerkat-Signature"))
        .isEqualTo(new WebhookSigner("k").signature(Golden.read("webhook-template-firing.json")));
  }

  /** A 302 or 307 to another URL (here another receiver) is a failed attempt, never followed. */
  @ParameterizedTest
  @ValueSource(ints = {302, 307})
  void redirectsAreAFailedAttemptAndNotFollowed(int status) throws IOException {
    try (ScriptedReceiver elsewhere = new ScriptedReceiver()) {
      receiver.thenRespond(status, Map.of("Location", elsewhere.uri("/metadata").toString()));
      SlackNotifier slack =
          SlackNotifier.builder()
              .outboundPolicy(ScriptedReceiver.ALLOWED)
              .retryPolicy(RETRIES)
              .sleeper(sleeps::add)
              .build();

      DeliveryResult result = slack.deliver(receiver.uri("/hook"), Notifications.firing());

      assertThat(result)
          .isEqualTo(
              new DeliveryResult(
                  DeliveryResult.Status.REJECTED,
                  1,
                  "HTTP "
                      + status
                      + " (redirect not followed: notifications go only to the saved URL)",
                  status,
                  null));
      assertThat(receiver.received())
          .extracting(ScriptedReceiver.Received::path)
          .containsExactly("/hook");
      assertThat(elsewhere.received()).isEmpty();
    }
  }

  @Test
  void buildersRejectNonPositiveTimeouts() {
    assertThatThrownBy(() -> SlackNotifier.builder().requestTimeout(Duration.ZERO).build())
        .hasMessage("requestTimeout must be positive");
    assertThatThrownBy(() -> AlertmanagerWebhookNotifier.builder().receiver(" ").build())
        .hasMessage("receiver name is required");
  }
}
