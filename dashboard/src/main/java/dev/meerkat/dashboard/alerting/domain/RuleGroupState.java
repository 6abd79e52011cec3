package dev.meerkat.dashboard.alerting.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Where one group (service) of a metric rule stands.
 *
 * @param ruleId the rule
 * @param group the group key (the service)
 * @param state OK, PENDING (condition holds, for-duration not reached), FIRING or RESOLVED
 * @param pendingSince when the condition started holding (PENDING and FIRING), else null
 * @param incidentStart when it fired (FIRING, and kept on RESOLVED), else null
 * @param lastNotified when a firing notification was last written (for the repeat interval)
 * @param version optimistic version, 0 when never stored
 */
public record RuleGroupState(
    String ruleId,
    String group,
    Phase state,
    Instant pendingSince,
    Instant incidentStart,
    Instant lastNotified,
    long version) {

  /** A rule group's phases; PENDING is never announced nor written to the alert history. */
  public enum Phase {
    OK,
    PENDING,
    FIRING,
    RESOLVED;

    public boolean firing() {
      return this == FIRING;
    }
  }

  public RuleGroupState {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(state, "state");
  }

  public static RuleGroupState initial(String ruleId, String group) {
    return new RuleGroupState(ruleId, group, Phase.OK, null, null, null, 0);
  }

  RuleGroupState next(Phase phase, Instant pending, Instant incident, Instant notified) {
    return new RuleGroupState(ruleId, group, phase, pending, incident, notified, version + 1);
  }
}
