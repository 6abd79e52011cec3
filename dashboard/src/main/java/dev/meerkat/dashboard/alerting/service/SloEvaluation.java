package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.AlertTransition;
import dev.meerkat.dashboard.alerting.domain.BurnRateAlertRule;
import dev.meerkat.dashboard.slo.domain.SloMath;
import dev.meerkat.notify.AlertNotification;
import dev.meerkat.notify.AlertState;
import dev.meerkat.notify.DeliveryResult;
import dev.meerkat.notify.Notifier;
import dev.meerkat.store.query.RequestCounts;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.AlertEventState;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every SLO's burn-rate alert once ({@link BurnRateAlertRule}). The current state of an
 * alert is its latest alert event, so a restarted dashboard neither re-fires nor forgets. On a
 * change it notifies the SLO's webhook, then records the event with the delivery outcome.
 */
public final class SloEvaluation {

  private static final Logger logger = LoggerFactory.getLogger(SloEvaluation.class);

  private final SloRepository slos;
  private final AlertEventRepository alerts;
  private final ServiceMetricsRepository metrics;
  private final Notifier notifier;
  private final String dashboardUrl;

  public SloEvaluation(
      SloRepository slos,
      AlertEventRepository alerts,
      ServiceMetricsRepository metrics,
      Notifier notifier,
      String publicUrl) {
    this.slos = slos;
    this.alerts = alerts;
    this.metrics = metrics;
    this.notifier = notifier;
    this.dashboardUrl = publicUrl.replaceAll("/+$", "") + "/slos";
  }

  /** Evaluates all current SLOs at {@code now}; returns the alert events written. */
  public List<AlertEvent> evaluateAll(Instant now) {
    Map<String, AlertEvent> latest = alerts.latestPerSlo();
    List<AlertEvent> written = new ArrayList<>();
    for (SloDefinition slo : slos.listCurrent()) {
      try {
        evaluate(slo, latest.get(slo.id()), now).ifPresent(written::add);
      } catch (RuntimeException e) {
        // One broken SLO must not stop the others; it is retried next round.
        logger.warn("Evaluating SLO {} ({}) failed", slo.id(), slo.name(), e);
      }
    }
    return written;
  }

  private java.util.Optional<AlertEvent> evaluate(SloDefinition slo, AlertEvent last, Instant now) {
    boolean firing = last != null && last.isFiring();
    OptionalDouble longBurn = burnRate(slo, now.minus(BurnRateAlertRule.LONG_WINDOW), now);
    OptionalDouble shortBurn = burnRate(slo, now.minus(BurnRateAlertRule.SHORT_WINDOW), now);
    AlertTransition transition =
        BurnRateAlertRule.decide(firing, longBurn, shortBurn, slo.burnRateThreshold());
    if (transition == AlertTransition.NONE) {
      return java.util.Optional.empty();
    }
    AlertState state = transition == AlertTransition.FIRE ? AlertState.FIRING : AlertState.RESOLVED;
    Instant incidentStart = state == AlertState.FIRING ? now : last.eventTime();
    AlertNotification notification =
        notification(slo, state, shortBurn.getAsDouble(), now, incidentStart);
    AlertEvent event = record(slo, notification, deliver(slo, notification));
    logger.info("SLO {} ({}) is now {}", slo.name(), slo.service(), state);
    return java.util.Optional.of(event);
  }

  private OptionalDouble burnRate(SloDefinition slo, Instant from, Instant to) {
    return SloMath.burnRate(metrics.requestCounts(slo.service(), from, to), slo.objective());
  }

  private AlertNotification notification(
      SloDefinition slo, AlertState state, double burnRate, Instant now, Instant incidentStart) {
    RequestCounts window = metrics.requestCounts(slo.service(), now.minus(slo.window()), now);
    return new AlertNotification(
        state,
        slo.id(),
        slo.name(),
        slo.service(),
        slo.objective(),
        slo.window(),
        burnRate,
        slo.burnRateThreshold(),
        SloMath.errorBudgetRemaining(window, slo.objective()),
        now,
        incidentStart,
        dashboardUrl);
  }

  private DeliveryResult deliver(SloDefinition slo, AlertNotification notification) {
    if (!slo.hasWebhook()) {
      return null;
    }
    return notifier.deliver(URI.create(slo.webhookUrl().strip()), notification);
  }

  private AlertEvent record(SloDefinition slo, AlertNotification n, DeliveryResult delivery) {
    AlertEvent event =
        new AlertEvent(
            UUID.randomUUID().toString(),
            slo.id(),
            slo.name(),
            slo.service(),
            AlertEventState.valueOf(n.state().name()),
            n.eventTime(),
            n.burnRate(),
            n.threshold(),
            delivery == null ? "no-channel" : deliveryStatus(delivery),
            delivery == null ? 0 : Math.min(255, delivery.attempts()),
            delivery == null ? "" : delivery.detail());
    alerts.append(event);
    return event;
  }

  private static String deliveryStatus(DeliveryResult result) {
    return switch (result.status()) {
      case DELIVERED -> "delivered";
      case REJECTED -> "rejected";
      case GAVE_UP -> "failed";
    };
  }
}
