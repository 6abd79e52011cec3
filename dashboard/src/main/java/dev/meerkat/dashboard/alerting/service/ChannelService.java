package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.Channel;
import dev.meerkat.dashboard.alerting.domain.ChannelDraft;
import dev.meerkat.dashboard.alerting.domain.ChannelSecrets;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.security.domain.Audited;
import dev.meerkat.notify.AlertNotification;
import dev.meerkat.notify.AlertSeverity;
import dev.meerkat.notify.HostResolver;
import dev.meerkat.notify.OutboundPolicy;
import dev.meerkat.store.slo.AlertState;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;

/** Channels for the UI: save with validation, delete, send a test notification. */
public class ChannelService {

  /** Alert event id of test rows: they announce no alert. */
  public static final String TEST_EVENT = "test";

  private final ChannelRepository channels;
  private final Outbox outbox;
  private final Clock clock;
  private final String dashboardUrl;
  private final OutboundPolicy outbound;
  private final HostResolver resolver;

  /**
   * @param outbound where channel URLs may point; checked on save here and again on every send
   * @param resolver resolves a URL's host on save (the system resolver outside tests)
   */
  public ChannelService(
      ChannelRepository channels,
      Outbox outbox,
      Clock clock,
      String publicUrl,
      OutboundPolicy outbound,
      HostResolver resolver) {
    this.channels = channels;
    this.outbox = outbox;
    this.clock = clock;
    this.dashboardUrl = publicUrl.replaceAll("/+$", "") + "/channels";
    this.outbound = outbound;
    this.resolver = resolver;
  }

  public List<Channel> list() {
    return channels.list();
  }

  public Optional<Channel> find(String id) {
    return channels.find(id);
  }

  /** The outcome of a save: the saved channel, or the problems to show. */
  public record SaveResult(Optional<Channel> saved, List<String> problems) {}

  /** Saves a new channel ({@code id} empty) or an edit; secrets left empty keep the stored ones. */
  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "save", object = "channel")
  public SaveResult save(Optional<String> id, ChannelDraft draft) {
    Optional<Channel> previous = id.flatMap(channels::find);
    List<String> problems = new ArrayList<>(draft.problems(previous.isPresent()));
    if (problems.isEmpty() && !draft.url().isBlank()) {
      outbound
          .problem(URI.create(draft.url().strip()), resolver)
          .ifPresent(problem -> problems.add("URL: " + problem));
    }
    if (!problems.isEmpty()) {
      return new SaveResult(Optional.empty(), problems);
    }
    Channel channel =
        draft.toChannel(
            previous.map(Channel::id).orElseGet(() -> UUID.randomUUID().toString()),
            previous.map(Channel::secrets).orElse(new ChannelSecrets("", "", "")));
    channels.save(channel, clock.instant());
    return new SaveResult(Optional.of(channel), List.of());
  }

  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "delete", object = "channel")
  public boolean delete(String id) {
    return channels.delete(id);
  }

  /**
   * Queues a test notification to the channel through the outbox, so it is delivered, retried and
   * logged exactly as an alert would be; returns the outbox id.
   */
  @PreAuthorize("hasRole('EDITOR')")
  @Audited(action = "send-test", object = "channel")
  public Optional<String> sendTest(String channelId) {
    Optional<Channel> channel = channels.find(channelId);
    if (channel.isEmpty()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String id = UUID.randomUUID().toString();
    AlertNotification test =
        new AlertNotification(
            AlertState.FIRING,
            // Unique per test, so that receivers deduplicating by key accept every test.
            "test-" + id.substring(0, 8),
            "Test notification from Meerkat to " + channel.get().name(),
            "meerkat",
            0.999,
            Duration.ofDays(30),
            0,
            0,
            1,
            now,
            now,
            dashboardUrl,
            AlertSeverity.TICKET);
    outbox.enqueue(OutboxEntry.toChannel(id, TEST_EVENT, channel.get(), test, now, true));
    return Optional.of(id);
  }
}
