package dev.meerkat.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sends go to the addresses the policy checked, resolved once per send: a name that resolves to a
 * forbidden address is refused before any byte is sent, however it resolved when saved.
 */
class PinnedAddressDeliveryTest {

  private static final RetryPolicy RETRIES =
      new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30));

  private final ScriptedReceiver receiver;

  /** The test's DNS: what {@code hooks.example.test} resolves to right now. */
  private final AtomicReference<InetAddress> answer = new AtomicReference<>();

  private final HostResolver dns =
      host -> {
        if (!host.equals("hooks.example.test")) {
          throw new UnknownHostException(host);
        }
        return new InetAddress[] {answer.get()};
      };

  PinnedAddressDeliveryTest() throws IOException {
    receiver = new ScriptedReceiver();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  private URI byName() {
    return URI.create("http://hooks.example.test:" + receiver.uri("/").getPort() + "/hook");
  }

  @Test
  void aNameThatNowResolvesToLoopbackIsRefusedWithoutSending() throws UnknownHostException {
    answer.set(InetAddress.getByName("127.0.0.1"));
    GenericWebhookNotifier webhook =
        GenericWebhookNotifier.builder().resolver(dns).retryPolicy(RETRIES).build();

    DeliveryResult result = webhook.deliver(byName(), Notifications.firing());

    assertThat(result)
        .isEqualTo(
            new DeliveryResult(
                DeliveryResult.Status.REJECTED,
                0,
                "hooks.example.test resolves to 127.0.0.1, which is loopback (127.0.0.0/8); add"
                    + " the host or the address to meerkat.outbound.allow to permit it"));
    assertThat(receiver.received()).isEmpty();
  }

  @Test
  void connectsToTheCheckedAddressAndSendsTheNameAsHost() throws UnknownHostException {
    answer.set(InetAddress.getByName("127.0.0.1"));
    SlackNotifier slack =
        SlackNotifier.builder()
            .resolver(dns)
            .outboundPolicy(OutboundPolicy.allowing(List.of("127.0.0.1/32")))
            .retryPolicy(RETRIES)
            .build();

    DeliveryResult result = slack.deliver(byName(), Notifications.firing());

    assertThat(result.status()).isEqualTo(DeliveryResult.Status.DELIVERED);
    assertThat(receiver.received().getFirst().header("Host"))
        .isEqualTo("hooks.example.test:" + receiver.uri("/").getPort());
  }

  @Test
  void aLiteralLoopbackUrlIsRefusedByDefault() {
    DeliveryResult result =
        PagerDutyNotifier.builder()
            .routingKey("R0UT1NGKEY0000000000000000000042")
            .build()
            .deliver(receiver.uri("/v2/enqueue"), Notifications.firing());

    assertThat(result)
        .isEqualTo(
            new DeliveryResult(
                DeliveryResult.Status.REJECTED,
                0,
                "127.0.0.1 is loopback (127.0.0.0/8); add it to meerkat.outbound.allow to permit"
                    + " it"));
    assertThat(receiver.received()).isEmpty();
  }
}
