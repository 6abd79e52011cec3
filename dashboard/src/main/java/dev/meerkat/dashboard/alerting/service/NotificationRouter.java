package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.Channel;
import dev.meerkat.dashboard.alerting.domain.ChannelKind;
import dev.meerkat.dashboard.alerting.domain.MaintenanceWindow;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.Routing;
import dev.meerkat.dashboard.alerting.domain.Silence;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import dev.meerkat.notify.AlertNotification;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns one alert notification into outbox rows: the routes pick channels by the alert's labels; an
 * active silence or maintenance window matching the labels turns the row into a recorded
 * suppression instead. The caller writes the result in the transaction of its state change.
 */
public final class NotificationRouter {

  private final RoutingStore routing;
  private final ChannelRepository channels;
  private final Outbox outbox;
  private final Duration groupWait;

  /**
   * @param groupWait how long the first notification of a group waits for more before the group
   *     goes out as one payload (Alertmanager-compatible channels only); zero: no grouping
   */
  public NotificationRouter(
      RoutingStore routing, ChannelRepository channels, Outbox outbox, Duration groupWait) {
    this.routing = routing;
    this.channels = channels;
    this.outbox = outbox;
    this.groupWait = groupWait;
  }

  /** Outbox rows to write and suppressions to record. */
  public record Routed(List<OutboxEntry> notifications, List<Suppression> suppressions) {

    public static final Routed NOTHING = new Routed(List.of(), List.of());
  }

  public Routed route(
      Map<String, String> labels,
      AlertNotification notification,
      String alertEventId,
      Instant now) {
    return route(labels, notification, alertEventId, Optional.empty(), now);
  }

  /**
   * Routes like {@link #route(Map, AlertNotification, String, Instant)} and also sends to {@code
   * ownEndpoint} (an SLO's own webhook URL, kept from before channels existed) when present. The
   * same silences and maintenance windows apply to it; its row carries the notification's own key
   * and is recorded as suppressed with an empty channel id.
   */
  public Routed route(
      Map<String, String> labels,
      AlertNotification notification,
      String alertEventId,
      Optional<String> ownEndpoint,
      Instant now) {
    Optional<Suppression.Reason> reason = Optional.empty();
    Optional<String> mutedBy = silencedBy(labels, now);
    if (mutedBy.isPresent()) {
      reason = Optional.of(Suppression.Reason.SILENCED);
    } else {
      mutedBy = maintenanceBy(labels, now);
      reason = mutedBy.map(id -> Suppression.Reason.MAINTENANCE);
    }
    List<OutboxEntry> candidates = new ArrayList<>();
    ownEndpoint.ifPresent(
        url ->
            candidates.add(
                OutboxEntry.pending(
                    UUID.randomUUID().toString(), alertEventId, url, notification, now)));
    for (String channelId : new Routing(routing.routes()).channelsFor(labels)) {
      channels
          .find(channelId) // A deleted channel still named by a route has nothing to send to.
          .ifPresent(
              channel ->
                  candidates.add(channelRow(channel, labels, notification, alertEventId, now)));
    }
    if (reason.isEmpty()) {
      return new Routed(candidates, List.of());
    }
    List<Suppression> suppressed = new ArrayList<>();
    for (OutboxEntry row : candidates) {
      suppressed.add(
          new Suppression(
              UUID.randomUUID().toString(),
              row.idempotencyKey(),
              row.channelId(),
              reason.get(),
              mutedBy.get(),
              summary(notification),
              now));
    }
    return new Routed(List.of(), suppressed);
  }

  private OutboxEntry channelRow(
      Channel channel,
      Map<String, String> labels,
      AlertNotification notification,
      String alertEventId,
      Instant now) {
    OutboxEntry row =
        OutboxEntry.toChannel(
            UUID.randomUUID().toString(), alertEventId, channel, notification, now, false);
    if (groupWait.isPositive() && channel.kind() == ChannelKind.ALERTMANAGER) {
      // Joins the open group of this channel, alert name and severity, or starts one.
      String key =
          channel.id() + "|" + labels.getOrDefault("alertname", "") + "|" + labels.get("severity");
      row = row.inGroup(key, outbox.groupSendTime(key).orElse(now.plus(groupWait)));
    }
    return row;
  }

  private Optional<String> silencedBy(Map<String, String> labels, Instant now) {
    return routing.silences(now).stream()
        .filter(s -> s.mutes(labels, now))
        .map(Silence::id)
        .findFirst();
  }

  private Optional<String> maintenanceBy(Map<String, String> labels, Instant now) {
    return routing.maintenanceWindows().stream()
        .filter(w -> w.covers(labels, now))
        .map(MaintenanceWindow::id)
        .findFirst();
  }

  private static String summary(AlertNotification n) {
    return n.state().wireName() + " " + n.sloName() + " (" + n.service() + ")";
  }
}
