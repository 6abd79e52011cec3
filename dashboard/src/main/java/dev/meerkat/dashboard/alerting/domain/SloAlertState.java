package dev.meerkat.dashboard.alerting.domain;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The burn-rate alert state of one SLO: per severity, OK (absent) or FIRING since some instant.
 * Immutable; the evaluator returns a new one.
 *
 * @param firing the firing alerts by severity
 */
public record SloAlertState(Map<Severity, ActiveAlert> firing) {

  private static final SloAlertState NONE = new SloAlertState(Map.of());

  public SloAlertState {
    firing = firing.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(firing));
  }

  /** Nothing firing. */
  public static SloAlertState none() {
    return NONE;
  }

  public boolean isFiring(Severity severity) {
    return firing.containsKey(severity);
  }

  public Optional<ActiveAlert> alert(Severity severity) {
    return Optional.ofNullable(firing.get(severity));
  }
}
