package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.AlertDecision;
import dev.meerkat.dashboard.alerting.domain.AlertStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.domain.SloAlertPolicy;
import dev.meerkat.dashboard.slo.domain.SloMath;
import dev.meerkat.notify.AlertNotification;
import dev.meerkat.store.query.RequestCounts;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.slo.AlertEvent;
import dev.meerkat.store.slo.AlertEventRepository;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates every SLO's alert once with the {@link SloAlertPolicy}. A change is recorded in the
 * relational store together with the notification to send (one transaction, the outbox); the
 * delivery worker sends it later, so no receiver can slow evaluation down. The change is then
 * appended to the alert history in ClickHouse.
 */
public final class SloEvaluation {

  private static final Logger logger = LoggerFactory.getLogger(SloEvaluation.class);

  private final SloRepository slos;
  private final AlertStore states;
  private final AlertEventRepository history;
  private final ServiceMetricsRepository metrics;
  private final SloAlertPolicy policy;
  private final String dashboardUrl;

  public SloEvaluation(
      SloRepository slos,
      AlertStore states,
      AlertEventRepository history,
      ServiceMetricsRepository metrics,
      SloAlertPolicy policy,
      String publicUrl) {
    this.slos = slos;
    this.states = states;
    this.history = history;
    this.metrics = metrics;
    this.policy = policy;
    this.dashboardUrl = publicUrl.replaceAll("/+$", "") + "/slos";
  }

  /** Evaluates all current SLOs at {@code now}; returns the alert events recorded. */
  public List<AlertEvent> evaluateAll(Instant now) {
    Map<String, AlertStatus> current = states.currentStates();
    List<AlertEvent> recorded = new ArrayList<>();
    for (SloDefinition slo : slos.listCurrent()) {
      try {
        AlertStatus status = current.getOrDefault(slo.id(), AlertStatus.initial(slo.id()));
        evaluate(slo, status, now).ifPresent(recorded::add);
      } catch (RuntimeException e) {
        // One broken SLO must not stop the others; it is evaluated again next round.
        logger.warn("Evaluating SLO {} ({}) failed", slo.id(), slo.name(), e);
      }
    }
    return recorded;
  }

  private Optional<AlertEvent> evaluate(SloDefinition slo, AlertStatus status, Instant now) {
    AlertDecision decision =
        policy.evaluate(
            slo, status.state(), (from, to) -> metrics.requestCounts(slo.service(), from, to), now);
    if (!decision.changes(status.state())) {
      return Optional.empty();
    }
    AlertStatus next = status.changeTo(decision.state(), now);
    AlertEvent event =
        new AlertEvent(
            UUID.randomUUID().toString(),
            slo.id(),
            slo.name(),
            slo.service(),
            next.state(),
            now,
            decision.burnRate(),
            decision.threshold());
    Optional<OutboxEntry> notification =
        slo.hasWebhook()
            ? Optional.of(
                OutboxEntry.pending(
                    UUID.randomUUID().toString(),
                    event.eventId(),
                    slo.webhookUrl().strip(),
                    notification(slo, next, decision, now),
                    now))
            : Optional.empty();
    states.recordChange(next, notification);
    // After the commit: ClickHouse cannot take part in the transaction. A crash right here loses
    // this history row, never the state change or its notification.
    history.append(event);
    logger.info("SLO {} ({}) is now {}", slo.name(), slo.service(), next.state());
    return Optional.of(event);
  }

  private AlertNotification notification(
      SloDefinition slo, AlertStatus next, AlertDecision decision, Instant now) {
    RequestCounts window = metrics.requestCounts(slo.service(), now.minus(slo.window()), now);
    return new AlertNotification(
        next.state(),
        slo.id(),
        slo.name(),
        slo.service(),
        slo.objective(),
        slo.window(),
        decision.burnRate(),
        decision.threshold(),
        SloMath.errorBudgetRemaining(window, slo.objective()),
        now,
        next.incidentStart(),
        dashboardUrl);
  }
}
