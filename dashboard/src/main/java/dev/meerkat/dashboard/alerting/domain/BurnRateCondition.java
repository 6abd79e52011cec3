package dev.meerkat.dashboard.alerting.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * One multi-window burn-rate condition (SRE workbook, ch. 5): it holds when the burn rate exceeds
 * the threshold over the long window AND over the short one. The long window makes it sure that
 * enough budget was spent to matter; the short one (1/12 of the long) makes it stop holding soon
 * after the burn stops.
 *
 * <p>The threshold is derived from the share of the SLO period's budget the long window may
 * consume: {@code threshold = budgetFraction x sloPeriod / longWindow}. For a 30-day SLO: 2 % in 1
 * h gives 0.02 x 720 h / 1 h = 14.4; 5 % in 6 h gives 6; 10 % in 1 d gives 3; 10 % in 3 d gives 1.
 * The same fractions on a 7-day SLO give 3.36, 1.4, 0.7 and 0.233; a calendar month uses its own
 * length (14.88 for the 2 % / 1 h pair in a 31-day month).
 *
 * @param severity what fires when it holds
 * @param longWindow the window that measures the spent budget
 * @param shortWindow the window that confirms the burn is still going on, shorter than the long
 * @param budgetFraction share of the period's budget spent over the long window, in (0, 1]
 */
public record BurnRateCondition(
    Severity severity, Duration longWindow, Duration shortWindow, double budgetFraction) {

  public BurnRateCondition {
    Objects.requireNonNull(severity, "severity");
    if (longWindow == null
        || shortWindow == null
        || shortWindow.isNegative()
        || shortWindow.isZero()) {
      throw new IllegalArgumentException("windows must be positive durations");
    }
    if (shortWindow.compareTo(longWindow) >= 0) {
      throw new IllegalArgumentException(
          "short window must be shorter than the long window, was "
              + shortWindow
              + " >= "
              + longWindow);
    }
    if (!(budgetFraction > 0 && budgetFraction <= 1)) {
      throw new IllegalArgumentException(
          "budget fraction must be in (0, 1], was " + budgetFraction);
    }
  }

  /** Burn-rate threshold for an SLO period of the given length. */
  public double threshold(Duration sloPeriod) {
    // Period over window first: an exact ratio (720 for 30 d / 1 h), so 0.02 x 720 is 14.4 exactly.
    return budgetFraction * ((double) sloPeriod.toSeconds() / longWindow.toSeconds());
  }
}
