package dev.meerkat.dashboard.alerting.domain;

import dev.meerkat.dashboard.slo.domain.SloMath;
import dev.meerkat.store.slo.AlertState;
import dev.meerkat.store.slo.SloDefinition;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The first policy: {@link BurnRateAlertRule}, one 1 h / 5 min window pair with the SLO's single
 * threshold.
 */
public final class SingleThresholdBurnRatePolicy implements SloAlertPolicy {

  @Override
  public AlertDecision evaluate(SloDefinition slo, AlertState current, Counts counts, Instant now) {
    OptionalDouble longBurn =
        SloMath.burnRate(
            counts.between(now.minus(BurnRateAlertRule.LONG_WINDOW), now), slo.objective());
    OptionalDouble shortBurn =
        SloMath.burnRate(
            counts.between(now.minus(BurnRateAlertRule.SHORT_WINDOW), now), slo.objective());
    AlertState next =
        BurnRateAlertRule.decide(current, longBurn, shortBurn, slo.burnRateThreshold());
    return new AlertDecision(next, shortBurn.orElse(0), slo.burnRateThreshold());
  }
}
