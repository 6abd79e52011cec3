package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.ActiveAlert;
import dev.meerkat.dashboard.alerting.domain.AlertStatus;
import dev.meerkat.dashboard.alerting.domain.BurnRateAlertEvent;
import dev.meerkat.dashboard.alerting.domain.BurnRateCondition;
import dev.meerkat.dashboard.alerting.domain.BurnRateEvaluation;
import dev.meerkat.dashboard.alerting.domain.BurnRateEvaluator;
import dev.meerkat.dashboard.alerting.domain.BurnRatePolicy;
import dev.meerkat.dashboard.alerting.domain.Severity;
import dev.meerkat.dashboard.alerting.domain.SloAlertState;
import dev.meerkat.dashboard.slo.domain.EventCountSource;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import dev.meerkat.dashboard.slo.domain.StoredSlos;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.AlertState;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every SLO's multi-window, multi-burn-rate policy (the SRE workbook's, with the SLO's
 * own low-traffic guard) over the rollups, once. Every change of an SLO's page or ticket alert is
 * recorded in the relational store together with the notification to send (one transaction, the
 * outbox); the delivery worker sends it later, so no receiver can slow evaluation down. The change
 * is then appended to the alert history in ClickHouse.
 */
public final class SloEvaluation {

  private static final Logger logger = LoggerFactory.getLogger(SloEvaluation.class);

  private final SloRepository slos;
  private final AlertStore states;
  private final AlertEventRepository history;
  private final EventCountSource events;
  private final BurnRateNotifications notifications;
  private final NotificationRouter router;

  public SloEvaluation(
      SloRepository slos,
      AlertStore states,
      AlertEventRepository history,
      EventCountSource events,
      NotificationRouter router,
      String publicUrl) {
    this.slos = slos;
    this.states = states;
    this.history = history;
    this.events = events;
    this.router = router;
    this.notifications = new BurnRateNotifications(publicUrl);
  }

  /** Evaluates all current SLOs at {@code now}; returns the alert events recorded. */
  public List<AlertEvent> evaluateAll(Instant now) {
    Map<String, AlertStatus> current = states.currentStates();
    BurnRateEvaluator evaluator = new BurnRateEvaluator(Clock.fixed(now, ZoneOffset.UTC));
    List<AlertEvent> recorded = new ArrayList<>();
    for (SloDefinition slo : slos.listCurrent()) {
      try {
        recorded.addAll(evaluate(evaluator, slo, current, now));
      } catch (RuntimeException e) {
        // One broken SLO must not stop the others; it is evaluated again next round.
        logger.warn("Evaluating SLO {} ({}) failed", slo.id(), slo.name(), e);
      }
    }
    return recorded;
  }

  private List<AlertEvent> evaluate(
      BurnRateEvaluator evaluator,
      SloDefinition definition,
      Map<String, AlertStatus> current,
      Instant now) {
    ServiceLevelObjective slo = StoredSlos.objective(definition);
    BurnRatePolicy policy = BurnRatePolicy.withMinimumEvents(definition.spec().minimumEvents());
    Map<Severity, AlertStatus> statuses = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      String key = AlertStatus.key(slo.id(), severity);
      statuses.put(severity, current.getOrDefault(key, AlertStatus.initial(slo.id(), severity)));
    }
    BurnRateEvaluation evaluation =
        evaluator.evaluate(policy, slo, events, previousState(statuses, policy));
    List<AlertEvent> recorded = new ArrayList<>();
    for (BurnRateAlertEvent change : evaluation.events()) {
      recorded.add(record(definition, slo, statuses.get(change.severity()), change, now));
    }
    return recorded;
  }

  private AlertEvent record(
      SloDefinition definition,
      ServiceLevelObjective slo,
      AlertStatus status,
      BurnRateAlertEvent change,
      Instant now) {
    AlertState state =
        change.kind() == BurnRateAlertEvent.Kind.FIRING ? AlertState.FIRING : AlertState.RESOLVED;
    AlertStatus next = status.changeTo(state, now);
    AlertEvent event =
        new AlertEvent(
            UUID.randomUUID().toString(),
            slo.id(),
            slo.name(),
            slo.service(),
            state,
            now,
            change.longBurnRate().orElse(0),
            change.threshold(),
            change.severity().wireName());
    // The label routes pick the channels, as for metric rules; the SLO's own webhook (from before
    // channels existed) stays one more target. Silences and maintenance windows apply to both.
    NotificationRouter.Routed routed =
        router.route(
            SloAlertLabels.of(definition, change.severity()),
            notifications.notification(change, slo),
            event.eventId(),
            definition.hasWebhook()
                ? Optional.of(definition.webhookUrl().strip())
                : Optional.empty(),
            now);
    states.recordChange(next, routed.notifications(), routed.suppressions());
    // After the commit: ClickHouse cannot take part in the transaction. A crash right here loses
    // this history row, never the state change or its notification.
    history.append(event);
    logger.info(
        "SLO {} ({}) {} alert is now {}", slo.name(), slo.service(), change.severity(), state);
    return event;
  }

  /**
   * The firing alerts as the evaluator knows them. The store keeps when each started, not which
   * condition fired: the first condition of its severity stands in (it only chooses the numbers a
   * resolved notification reports).
   */
  private static SloAlertState previousState(
      Map<Severity, AlertStatus> statuses, BurnRatePolicy policy) {
    Map<Severity, ActiveAlert> firing = new EnumMap<>(Severity.class);
    statuses.forEach(
        (severity, status) -> {
          if (status.state().isFiring()) {
            firing.put(
                severity, new ActiveAlert(status.incidentStart(), firstOf(policy, severity)));
          }
        });
    return new SloAlertState(firing);
  }

  private static BurnRateCondition firstOf(BurnRatePolicy policy, Severity severity) {
    return policy.conditions().stream()
        .filter(condition -> condition.severity() == severity)
        .findFirst()
        .orElse(policy.conditions().getFirst());
  }
}
