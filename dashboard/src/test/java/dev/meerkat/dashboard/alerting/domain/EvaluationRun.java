package dev.meerkat.dashboard.alerting.domain;

import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives the evaluator step by step on a {@link MutableClock}, as the scheduler would, carrying the
 * state from one evaluation to the next and collecting every event.
 */
final class EvaluationRun {

  private final MutableClock clock;
  private final BurnRateEvaluator evaluator;
  private final BurnRatePolicy policy;
  private final ServiceLevelObjective slo;
  private final SyntheticTraffic traffic;
  private final List<BurnRateAlertEvent> events = new ArrayList<>();
  private SloAlertState state = SloAlertState.none();

  EvaluationRun(
      Instant start, BurnRatePolicy policy, ServiceLevelObjective slo, SyntheticTraffic traffic) {
    this.clock = new MutableClock(start);
    this.evaluator = new BurnRateEvaluator(clock);
    this.policy = policy;
    this.slo = slo;
    this.traffic = traffic;
  }

  /** Evaluates at the current time, then every {@code step} up to and including {@code end}. */
  EvaluationRun until(Instant end, Duration step) {
    while (!clock.instant().isAfter(end)) {
      BurnRateEvaluation evaluation = evaluator.evaluate(policy, slo, traffic, state);
      state = evaluation.state();
      events.addAll(evaluation.events());
      clock.advance(step);
    }
    return this;
  }

  List<BurnRateAlertEvent> events() {
    return List.copyOf(events);
  }

  SloAlertState state() {
    return state;
  }
}
