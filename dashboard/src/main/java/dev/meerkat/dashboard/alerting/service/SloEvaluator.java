package dev.meerkat.dashboard.alerting.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs {@link SloEvaluation#evaluateAll} every {@code interval} at the injected clock's time, in
 * the process that holds the evaluator lease only.
 */
public final class SloEvaluator implements SchedulingConfigurer {

  private static final Logger logger = LoggerFactory.getLogger(SloEvaluator.class);

  private final SloEvaluation evaluation;
  private final LeaseHolder lease;
  private final Clock clock;
  private final Duration interval;
  private final boolean enabled;
  private final MetricRuleEvaluation rules;

  public SloEvaluator(
      SloEvaluation evaluation,
      LeaseHolder lease,
      Clock clock,
      Duration interval,
      boolean enabled) {
    this(evaluation, null, lease, clock, interval, enabled);
  }

  /** Also evaluates the metric rules, in the same round, under the same lease and clock. */
  public SloEvaluator(
      SloEvaluation evaluation,
      MetricRuleEvaluation rules,
      LeaseHolder lease,
      Clock clock,
      Duration interval,
      boolean enabled) {
    this.rules = rules;
    this.evaluation = evaluation;
    this.lease = lease;
    this.clock = clock;
    this.interval = interval;
    this.enabled = enabled;
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (enabled) {
      registrar.addFixedDelayTask(this::evaluate, interval);
    } else {
      logger.info("SLO evaluation is disabled (meerkat.slo.evaluation-enabled=false)");
    }
  }

  /** One round; returns whether this process evaluated (it holds the lease). */
  public boolean evaluate() {
    try {
      if (!lease.holds()) {
        return false;
      }
      Instant now = clock.instant();
      evaluation.evaluateAll(now);
      if (rules != null) {
        rules.evaluateAll(now);
      }
      return true;
    } catch (RuntimeException e) {
      logger.warn("SLO evaluation failed; retrying in {}", interval, e);
      return false;
    }
  }
}
