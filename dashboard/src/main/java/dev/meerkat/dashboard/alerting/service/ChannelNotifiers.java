package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.Channel;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.notify.AlertmanagerWebhookNotifier;
import dev.meerkat.notify.GenericWebhookNotifier;
import dev.meerkat.notify.HostResolver;
import dev.meerkat.notify.HttpChannelOptions;
import dev.meerkat.notify.Notifier;
import dev.meerkat.notify.OutboundPolicy;
import dev.meerkat.notify.PagerDutyNotifier;
import dev.meerkat.notify.RetryPolicy;
import dev.meerkat.notify.SlackNotifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/**
 * Builds the notifier of each outbox row from its stored channel (rows without a channel go to
 * their own endpoint through {@code legacy}). Every notifier makes ONE attempt per call: the outbox
 * owns retries. Built per delivery, so an edited channel takes effect at the next attempt.
 */
public final class ChannelNotifiers implements DeliveryTarget.Resolver {

  private final ChannelRepository channels;
  private final Notifier legacy;
  private final Duration requestTimeout;
  private final RetryPolicy oneAttempt;
  private final Clock clock;
  private final OutboundPolicy outbound;
  private final HostResolver resolver;

  /**
   * @param outbound where notifications may go, checked on every send after DNS resolution
   * @param resolver the resolver each send uses (the system resolver outside tests)
   */
  public ChannelNotifiers(
      ChannelRepository channels,
      Notifier legacy,
      Duration requestTimeout,
      RetryPolicy oneAttempt,
      Clock clock,
      OutboundPolicy outbound,
      HostResolver resolver) {
    this.channels = channels;
    this.legacy = legacy;
    this.requestTimeout = requestTimeout;
    this.oneAttempt = oneAttempt;
    this.clock = clock;
    this.outbound = outbound;
    this.resolver = resolver;
  }

  @Override
  public DeliveryTarget targetFor(OutboxEntry entry) {
    if (entry.channelId().isEmpty()) {
      return new DeliveryTarget(legacy, DeliveryTarget.uri(entry.endpoint()));
    }
    Channel channel =
        channels
            .find(entry.channelId())
            .orElseThrow(() -> new DeliveryTarget.Unresolvable("channel was deleted"));
    return targetFor(channel);
  }

  /** The notifier and endpoint of one channel. */
  public DeliveryTarget targetFor(Channel channel) {
    try {
      return switch (channel.kind()) {
        case WEBHOOK -> {
          GenericWebhookNotifier.Builder builder = options(GenericWebhookNotifier.builder());
          if (!channel.secrets().hmacSecret().isEmpty()) {
            builder.secret(channel.secrets().hmacSecret());
          }
          if (!channel.template().isBlank()) {
            builder.template(channel.template());
          }
          yield new DeliveryTarget(builder.build(), url(channel));
        }
        case SLACK -> new DeliveryTarget(options(SlackNotifier.builder()).build(), url(channel));
        case PAGERDUTY ->
            new DeliveryTarget(
                options(PagerDutyNotifier.builder())
                    .routingKey(channel.secrets().routingKey())
                    .build(),
                channel.secrets().url().isEmpty() ? PagerDutyNotifier.EVENTS_API : url(channel));
        case ALERTMANAGER -> {
          AlertmanagerWebhookNotifier.Builder builder =
              options(AlertmanagerWebhookNotifier.builder());
          if (!channel.receiver().isBlank()) {
            builder.receiver(channel.receiver());
          }
          yield new DeliveryTarget(builder.build(), url(channel));
        }
      };
    } catch (IllegalArgumentException | IllegalStateException e) {
      // The builders' messages never quote secrets (tested in exporters/notify).
      throw new DeliveryTarget.Unresolvable("invalid channel: " + e.getMessage());
    }
  }

  private <B extends HttpChannelOptions<B>> B options(B builder) {
    return builder
        .requestTimeout(requestTimeout)
        .retryPolicy(oneAttempt)
        .clock(clock)
        .outboundPolicy(outbound)
        .resolver(resolver);
  }

  private static URI url(Channel channel) {
    return DeliveryTarget.uri(channel.secrets().url());
  }
}
