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
    List<OutboxEntry> rows = new ArrayList<>();
    List<Suppression> suppressed = new ArrayList<>();
    Optional<String> mutedBy = silencedBy(labels, now);
    Optional<String> inWindow = mutedBy.isPresent() ? Optional.empty() : maintenanceBy(labels, now);
    for (String channelId : new Routing(routing.routes()).channelsFor(labels)) {
      Optional<Channel> channel = channels.find(channelId);
      if (channel.isEmpty()) {
        continue; // Deleted channel still named by a route: nothing to send to.
      }
      OutboxEntry row =
          OutboxEntry.toChannel(
              UUID.randomUUID().toString(), alertEventId, channel.get(), notification, now, false);
      if (groupWait.isPositive() && channel.get().kind() == ChannelKind.ALERTMANAGER) {
        // Joins the open group of this channel, alert name and severity, or starts one.
        String key =
            channelId + "|" + labels.getOrDefault("alertname", "") + "|" + labels.get("severity");
        row = row.inGroup(key, outbox.groupSendTime(key).orElse(now.plus(groupWait)));
      }
      if (mutedBy.isPresent() || inWindow.isPresent()) {
        suppressed.add(
            new Suppression(
                UUID.randomUUID().toString(),
                row.idempotencyKey(),
                channelId,
                mutedBy.isPresent() ? Suppression.Reason.SILENCED : Suppression.Reason.MAINTENANCE,
                mutedBy.orElseGet(inWindow::get),
                summary(notification),
                now));
      } else {
        rows.add(row);
      }
    }
    return new Routed(rows, suppressed);
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
