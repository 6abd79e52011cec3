package dev.meerkat.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GenericWebhookNotifierTest {

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final ScriptedReceiver receiver;
  private final GenericWebhookNotifier notifier =
      GenericWebhookNotifier.builder()
          .outboundPolicy(ScriptedReceiver.ALLOWED)
          .retryPolicy(
              new RetryPolicy(
                  3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30)))
          .requestTimeout(Duration.ofSeconds(5))
          .sleeper(sleeps::add)
          .build();

  GenericWebhookNotifierTest() throws IOException {
    receiver = new ScriptedReceiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Test
  void deliversJsonPayloadWithIdempotencyKey() {
    receiver.thenRespond(204);

    DeliveryResult result =
        notifier.deliver(receiver.uri("/hook/s3cr3t?token=abc"), Notifications.firing());

    assertThat(result)
        .isEqualTo(new DeliveryResult(DeliveryResult.Status.DELIVERED, 1, "HTTP 204", 204, null));
    assertThat(receiver.received())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.path()).isEqualTo("/hook/s3cr3t");
              assertThat(request.query()).isEqualTo("token=abc");
              assertThat(request.contentType()).isEqualTo("application/json");
              assertThat(request.idempotencyKey()).isEqualTo("slo-42:page:1772366400:firing");
              assertThat(request.body())
                  .isEqualTo(new WebhookPayloadFormatter().format(Notifications.firing()));
            });
    assertThat(sleeps).isEmpty();
  }

  @Test
  void retriesAfter503WithExponentialBackoff() {
    receiver.thenRespond(503).thenRespond(503).thenRespond(200);

    DeliveryResult result = notifier.deliver(receiver.uri("/hook"), Notifications.firing());

    assertThat(result)
        .isEqualTo(new DeliveryResult(DeliveryResult.Status.DELIVERED, 3, "HTTP 200", 200, null));
    assertThat(receiver.received()).hasSize(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void honoursRetryAfterOn429() {
    receiver.thenRespond(429, Map.of("Retry-After", "7")).thenRespond(202);

    DeliveryResult result = notifier.deliver(receiver.uri("/hook"), Notifications.resolved());

    assertThat(result)
        .isEqualTo(new DeliveryResult(DeliveryResult.Status.DELIVERED, 2, "HTTP 202", 202, null));
    assertThat(sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void capsRetryAfterAtPolicyMaximum() {
    receiver.thenRespond(503, Map.of("Retry-After", "3600")).thenRespond(200);

    notifier.deliver(receiver.uri("/hook"), Notifications.firing());

    assertThat(sleeps).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void reportsTheLastStatusAndItsRetryAfterWhenGivingUp() {
    receiver.thenRespond(429, Map.of("Retry-After", "7"));

    DeliveryResult result =
        GenericWebhookNotifier.builder()
            .outboundPolicy(ScriptedReceiver.ALLOWED)
            .retryPolicy(
                new RetryPolicy(
                    1, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5)))
            .sleeper(sleeps::add)
            .build()
            .deliver(receiver.uri("/hook"), Notifications.firing());

    assertThat(result)
        .isEqualTo(
            new DeliveryResult(
                DeliveryResult.Status.GAVE_UP,
                1,
                "HTTP 429 after 1 attempts",
                429,
                Duration.ofSeconds(5)));
    assertThat(sleeps).isEmpty();
  }

  @Test
  void givesUpAfterMaxAttempts() {
    receiver.thenRespond(500);

    DeliveryResult result = notifier.deliver(receiver.uri("/hook"), Notifications.firing());

    assertThat(result)
        .isEqualTo(
            new DeliveryResult(
                DeliveryResult.Status.GAVE_UP, 3, "HTTP 500 after 3 attempts", 500, null));
    assertThat(receiver.received()).hasSize(3);
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void treatsClientErrorAsPermanent() {
    receiver.thenRespond(404);

    DeliveryResult result = notifier.deliver(receiver.uri("/hook"), Notifications.firing());

    assertThat(result)
        .isEqualTo(new DeliveryResult(DeliveryResult.Status.REJECTED, 1, "HTTP 404", 404, null));
    assertThat(receiver.received()).hasSize(1);
    assertThat(sleeps).isEmpty();
  }

  /**
   * The kernel completes the handshake of a socket nobody accepts: the request is never answered.
   */
  @Test
  void aReceiverThatNeverAnswersIsCutOffAtTheRequestTimeout() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      GenericWebhookNotifier webhook =
          GenericWebhookNotifier.builder()
              .outboundPolicy(ScriptedReceiver.ALLOWED)
              .requestTimeout(Duration.ofMillis(300))
              .retryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO))
              .build();

      DeliveryResult result =
          webhook.deliver(
              URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/hook"),
              Notifications.firing());

      assertThat(result)
          .isEqualTo(
              new DeliveryResult(
                  DeliveryResult.Status.GAVE_UP,
                  1,
                  "no complete answer within 300 ms after 1 attempts"));
    }
  }

  @Test
  void retriesConnectionFailuresThenGivesUp() {
    URI closed = receiver.uri("/hook");
    receiver.close();

    DeliveryResult result = notifier.deliver(closed, Notifications.firing());

    assertThat(result.status()).isEqualTo(DeliveryResult.Status.GAVE_UP);
    assertThat(result.attempts()).isEqualTo(3);
    assertThat(result.detail()).isEqualTo("ConnectException after 3 attempts");
  }

  @Test
  void rejectsNonHttpEndpointsWithoutSending() {
    DeliveryResult result =
        notifier.deliver(URI.create("ftp://example.com/x"), Notifications.firing());

    assertThat(result)
        .isEqualTo(new DeliveryResult(DeliveryResult.Status.REJECTED, 0, "not an http(s) URL"));
  }
}
