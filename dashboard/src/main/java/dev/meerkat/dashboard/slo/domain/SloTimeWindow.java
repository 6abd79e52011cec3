package dev.meerkat.dashboard.slo.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * The period an SLO's objective and error budget apply to: a rolling window of 7, 28 or 30 days
 * ending now, or the current calendar month in UTC.
 */
public sealed interface SloTimeWindow permits RollingWindow, CalendarMonthWindow {

  /** Start of the period that contains {@code now}; the period ends at {@code now}. */
  Instant start(Instant now);

  /**
   * Full length of the budget period containing {@code now}: the rolling length, or the length of
   * the calendar month (28 to 31 days), so a month's budget is proportional to its length.
   */
  Duration length(Instant now);

  /** {@code 7d}, {@code 28d}, {@code 30d} or {@code month}: the form used in YAML. */
  String label();

  /** Parses {@link #label()}; throws with the accepted values otherwise. */
  static SloTimeWindow parse(String label) {
    if (label == null) {
      throw new IllegalArgumentException(RollingWindow.MESSAGE);
    }
    String trimmed = label.strip();
    if (trimmed.equals(CalendarMonthWindow.LABEL)) {
      return CalendarMonthWindow.INSTANCE;
    }
    if (trimmed.matches("[0-9]{1,3}d")) {
      return new RollingWindow(Duration.ofDays(Long.parseLong(trimmed.replace("d", ""))));
    }
    throw new IllegalArgumentException(RollingWindow.MESSAGE + ", was " + label);
  }
}
