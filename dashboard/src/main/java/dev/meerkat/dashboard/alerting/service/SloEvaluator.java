package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.config.MeerkatProperties;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs {@link SloEvaluation#evaluateAll} every {@code meerkat.slo.evaluation-interval} (default 30
 * s) at the injected clock's time, unless {@code meerkat.slo.evaluation-enabled=false}.
 */
@Component
class SloEvaluator implements SchedulingConfigurer {

  private static final Logger logger = LoggerFactory.getLogger(SloEvaluator.class);

  private final SloEvaluation evaluation;
  private final Clock clock;
  private final MeerkatProperties.Slo settings;

  SloEvaluator(SloEvaluation evaluation, Clock clock, MeerkatProperties properties) {
    this.evaluation = evaluation;
    this.clock = clock;
    this.settings = properties.slo();
  }

  @Override
  public void configureTasks(ScheduledTaskRegistrar registrar) {
    if (settings.evaluationEnabled()) {
      registrar.addFixedDelayTask(this::evaluate, settings.evaluationInterval());
    } else {
      logger.info("SLO evaluation is disabled (meerkat.slo.evaluation-enabled=false)");
    }
  }

  void evaluate() {
    try {
      evaluation.evaluateAll(clock.instant());
    } catch (RuntimeException e) {
      logger.warn("SLO evaluation failed; retrying in {}", settings.evaluationInterval(), e);
    }
  }
}
