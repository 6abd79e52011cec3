package dev.meerkat.dashboard.alerting.domain;

import java.util.OptionalDouble;

/**
 * How one condition of the policy evaluated.
 *
 * @param condition the condition
 * @param threshold its burn-rate threshold for the SLO period
 * @param longWindowEvents events in the long window (what the low-traffic guard looks at)
 * @param longBurnRate empty without events
 * @param shortBurnRate empty without events
 * @param enoughTraffic whether the long window passed the low-traffic guard
 * @param holds whether both burn rates exceed the threshold and the guard passed
 */
public record ConditionResult(
    BurnRateCondition condition,
    double threshold,
    double longWindowEvents,
    OptionalDouble longBurnRate,
    OptionalDouble shortBurnRate,
    boolean enoughTraffic,
    boolean holds) {}
