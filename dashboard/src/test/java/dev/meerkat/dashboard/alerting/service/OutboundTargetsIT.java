package dev.meerkat.dashboard.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.meerkat.dashboard.alerting.domain.ChannelDraft;
import dev.meerkat.dashboard.alerting.domain.ChannelKind;
import dev.meerkat.dashboard.alerting.domain.DeliveryAttempt;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.RetrySchedule;
import dev.meerkat.dashboard.alerting.store.JdbcChannelRepository;
import dev.meerkat.dashboard.alerting.store.JdbcOutbox;
import dev.meerkat.dashboard.testing.Deliveries;
import dev.meerkat.dashboard.testing.HttpReceiver;
import dev.meerkat.dashboard.testing.StateDatabase;
import dev.meerkat.dashboard.testing.TestClock;
import dev.meerkat.dashboard.testing.TestSecrets;
import dev.meerkat.notify.GenericWebhookNotifier;
import dev.meerkat.notify.HostResolver;
import dev.meerkat.notify.OutboundPolicy;
import dev.meerkat.notify.RetryPolicy;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Channel targets are checked when saved and again when sent: a real H2 state store, the delivery
 * worker, a real webhook receiver on 127.0.0.1, and a test DNS whose answer for {@code
 * hooks.example.test} changes after the channel was saved (DNS rebinding).
 */
class OutboundTargetsIT {

  private static final String HOST = "hooks.example.test";

  private final StateDatabase.Connection state = StateDatabase.h2().open();
  private final HttpReceiver receiver = new HttpReceiver();
  private final TestClock clock = new TestClock(Instant.parse("2026-03-01T12:00:00Z"));
  private final JdbcOutbox outbox = new JdbcOutbox(state.jdbc(), state.transactions());
  private final JdbcChannelRepository channels =
      new JdbcChannelRepository(state.jdbc(), state.transactions(), TestSecrets.cipher());
  private final RetryPolicy oneAttempt =
      new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ofMinutes(1));

  /** What the test DNS answers for {@link #HOST} right now. */
  private final AtomicReference<InetAddress> dnsAnswer = new AtomicReference<>();

  private final HostResolver dns =
      host -> {
        if (!host.equals(HOST)) {
          throw new UnknownHostException(host);
        }
        return new InetAddress[] {dnsAnswer.get()};
      };

  private DeliveryWorker worker;

  @AfterEach
  void close() {
    if (worker != null) {
      worker.close();
    }
    receiver.close();
    state.close();
  }

  private ChannelService channelsUnder(OutboundPolicy policy) {
    if (worker != null) {
      worker.close();
    }
    worker =
        new DeliveryWorker(
            outbox,
            new ChannelNotifiers(
                channels,
                GenericWebhookNotifier.builder().outboundPolicy(policy).resolver(dns).build(),
                Duration.ofSeconds(10),
                oneAttempt,
                clock,
                policy,
                dns),
            new RetrySchedule(
                3, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(1)),
            clock,
            Executors.newFixedThreadPool(2),
            10);
    return new ChannelService(channels, outbox, clock, "http://dashboard.example", policy, dns);
  }

  private static ChannelDraft webhook(String url) {
    return new ChannelDraft("Team hook", ChannelKind.WEBHOOK, url, "", "", "", "", "");
  }

  /** The receiver's URL under the test host name instead of 127.0.0.1. */
  private String byName() {
    URI literal = URI.create(receiver.url());
    return "http://" + HOST + ":" + literal.getPort() + literal.getPath();
  }

  @Test
  void theCloudMetadataAddressIsRefusedWhenSaved() {
    ChannelService service = channelsUnder(OutboundPolicy.strict());

    ChannelService.SaveResult result =
        service.save(
            Optional.empty(), webhook("http://169.254.169.254/latest/meta-data/iam/credentials"));

    assertThat(result.problems())
        .containsExactly(
            "URL: 169.254.169.254 is link-local (cloud metadata); add it to"
                + " meerkat.outbound.allow to permit it");
    assertThat(channels.list()).isEmpty();
  }

  @Test
  void aLoopbackReceiverIsRefusedWhenSavedUnlessAllowed() {
    assertThat(
            channelsUnder(OutboundPolicy.strict())
                .save(Optional.empty(), webhook(receiver.url()))
                .problems())
        .containsExactly(
            "URL: 127.0.0.1 is loopback (127.0.0.0/8); add it to meerkat.outbound.allow to"
                + " permit it");

    ChannelService.SaveResult allowed =
        channelsUnder(HttpReceiver.LOOPBACK_ALLOWED)
            .save(Optional.empty(), webhook(receiver.url()));

    assertThat(allowed.problems()).isEmpty();
    String id =
        channelsUnder(HttpReceiver.LOOPBACK_ALLOWED)
            .sendTest(allowed.saved().orElseThrow().id())
            .orElseThrow();
    deliverAll();
    assertThat(outbox.attempts(id))
        .extracting(DeliveryAttempt::statusCode, DeliveryAttempt::outcome, DeliveryAttempt::error)
        .containsExactly(tuple(200, DeliveryStatus.DELIVERED, ""));
    assertThat(receiver.requests()).hasSize(1);
  }

  @Test
  void aNameSavedWhilePublicThatNowResolvesToLoopbackIsRefusedWhenSent() throws Exception {
    ChannelService service = channelsUnder(OutboundPolicy.strict());
    dnsAnswer.set(InetAddress.getByName("203.0.113.7"));
    ChannelService.SaveResult saved = service.save(Optional.empty(), webhook(byName()));
    assertThat(saved.problems()).isEmpty();

    dnsAnswer.set(InetAddress.getByName("127.0.0.1"));
    String id = service.sendTest(saved.saved().orElseThrow().id()).orElseThrow();
    deliverAll();

    assertThat(outbox.attempts(id))
        .extracting(DeliveryAttempt::statusCode, DeliveryAttempt::outcome, DeliveryAttempt::error)
        .containsExactly(
            tuple(
                0,
                DeliveryStatus.DEAD,
                "hooks.example.test resolves to 127.0.0.1, which is loopback (127.0.0.0/8); add"
                    + " the host or the address to meerkat.outbound.allow to permit it"));
    assertThat(receiver.requests()).isEmpty();
  }

  @Test
  void theSameNameIsDeliveredWhenItsHostAndPortAreAllowed() throws Exception {
    int port = URI.create(receiver.url()).getPort();
    ChannelService service = channelsUnder(OutboundPolicy.allowing(List.of(HOST + ":" + port)));
    dnsAnswer.set(InetAddress.getByName("127.0.0.1"));
    ChannelService.SaveResult saved = service.save(Optional.empty(), webhook(byName()));

    String id = service.sendTest(saved.saved().orElseThrow().id()).orElseThrow();
    deliverAll();

    assertThat(outbox.attempts(id))
        .extracting(DeliveryAttempt::statusCode, DeliveryAttempt::outcome)
        .containsExactly(tuple(200, DeliveryStatus.DELIVERED));
    assertThat(receiver.requests()).hasSize(1);
  }

  private void deliverAll() {
    Deliveries.deliverAll(worker, outbox, clock);
  }
}
