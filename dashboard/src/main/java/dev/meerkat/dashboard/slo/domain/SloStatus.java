package dev.meerkat.dashboard.slo.domain;

import dev.meerkat.store.slo.SloDefinition;
import java.util.OptionalDouble;

/**
 * An SLO with its current numbers.
 *
 * @param definition the SLO
 * @param sli good / total over the SLO window, empty without traffic
 * @param errorBudgetRemaining 1 = untouched, may be negative
 * @param burnRate burn rate over the last hour, empty without traffic
 * @param firing whether its alert is firing
 */
public record SloStatus(
    SloDefinition definition,
    OptionalDouble sli,
    double errorBudgetRemaining,
    OptionalDouble burnRate,
    boolean firing) {}
