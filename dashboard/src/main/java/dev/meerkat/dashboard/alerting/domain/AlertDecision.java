package dev.meerkat.dashboard.alerting.domain;

import dev.meerkat.store.slo.AlertState;
import java.util.Objects;

/**
 * What a policy decided for one alert.
 *
 * @param state the state after the evaluation (the current one when nothing changed)
 * @param burnRate the burn rate that explains the decision (0 without traffic)
 * @param threshold the burn-rate threshold it was compared with
 */
public record AlertDecision(AlertState state, double burnRate, double threshold) {

  public AlertDecision {
    Objects.requireNonNull(state, "state");
  }

  /** Whether the decision changes {@code current} in a way that is announced (and recorded). */
  public boolean changes(AlertState current) {
    return state.isFiring() != current.isFiring();
  }
}
