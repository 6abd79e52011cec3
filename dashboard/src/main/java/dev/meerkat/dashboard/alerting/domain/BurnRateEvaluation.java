package dev.meerkat.dashboard.alerting.domain;

import java.util.List;

/**
 * Outcome of evaluating one SLO's policy once.
 *
 * @param state the new state, to be stored in the same transaction as the events' notifications
 * @param events state changes to record and notify, most urgent severity first
 * @param conditions every condition's numbers, in policy order
 */
public record BurnRateEvaluation(
    SloAlertState state, List<BurnRateAlertEvent> events, List<ConditionResult> conditions) {

  public BurnRateEvaluation {
    events = List.copyOf(events);
    conditions = List.copyOf(conditions);
  }
}
