package dev.meerkat.dashboard.alerting.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A burn-rate alert of one SLO and severity started or stopped firing: what the evaluator asks to
 * be recorded and notified.
 *
 * @param sloId the SLO
 * @param severity page or ticket
 * @param kind firing or resolved
 * @param at evaluation time of the change
 * @param incidentStart when the alert started firing; equal to {@code at} for {@link Kind#FIRING}
 * @param condition the condition that fired (for a resolution: the one that had fired)
 * @param threshold that condition's burn-rate threshold for the SLO period
 * @param longBurnRate burn rate over the condition's long window at {@code at}
 * @param shortBurnRate burn rate over its short window at {@code at}
 * @param errorBudgetRemaining of the SLO period at {@code at}
 */
public record BurnRateAlertEvent(
    String sloId,
    Severity severity,
    Kind kind,
    Instant at,
    Instant incidentStart,
    BurnRateCondition condition,
    double threshold,
    OptionalDouble longBurnRate,
    OptionalDouble shortBurnRate,
    double errorBudgetRemaining) {

  /** Whether the alert started or stopped firing. */
  public enum Kind {
    FIRING,
    RESOLVED
  }

  public BurnRateAlertEvent {
    Objects.requireNonNull(sloId, "sloId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(incidentStart, "incidentStart");
    Objects.requireNonNull(condition, "condition");
  }

  /**
   * The same for every delivery of this incident's change, across retries and restarts: {@code
   * <sloId>:<severity>:<incident start epoch seconds>:<kind>}.
   */
  public String idempotencyKey() {
    return sloId
        + ":"
        + severity.wireName()
        + ":"
        + incidentStart.getEpochSecond()
        + ":"
        + kind.name().toLowerCase(Locale.ROOT);
  }
}
