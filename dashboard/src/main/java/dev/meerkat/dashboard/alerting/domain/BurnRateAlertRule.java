package dev.meerkat.dashboard.alerting.domain;

import dev.meerkat.store.slo.AlertState;
import java.time.Duration;
import java.util.OptionalDouble;

/**
 * Multiwindow burn-rate alert: it FIRES when the burn rate over both the long window (1 h) and the
 * short window (5 min) exceeds the threshold, and RESOLVES when the short-window burn rate drops
 * below it. The long window keeps brief spikes from paging; the short one makes the alert resolve
 * soon after the problem stops. A window without traffic (empty burn rate) changes nothing.
 */
public final class BurnRateAlertRule {

  public static final Duration LONG_WINDOW = Duration.ofHours(1);
  public static final Duration SHORT_WINDOW = Duration.ofMinutes(5);

  private BurnRateAlertRule() {}

  /** The state after this evaluation: {@code current} when nothing changes. */
  public static AlertState decide(
      AlertState current,
      OptionalDouble longBurnRate,
      OptionalDouble shortBurnRate,
      double threshold) {
    if (longBurnRate.isEmpty() || shortBurnRate.isEmpty()) {
      return current;
    }
    boolean firing = current.isFiring();
    if (!firing
        && longBurnRate.getAsDouble() > threshold
        && shortBurnRate.getAsDouble() > threshold) {
      return AlertState.FIRING;
    }
    if (firing && shortBurnRate.getAsDouble() < threshold) {
      return AlertState.RESOLVED;
    }
    return current;
  }
}
