package dev.meerkat.dashboard.slo.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A rolling SLO window of 7, 28 or 30 days ending at the evaluation time.
 *
 * @param length 7, 28 or 30 days
 */
public record RollingWindow(Duration length) implements SloTimeWindow {

  static final List<Duration> SUPPORTED =
      List.of(Duration.ofDays(7), Duration.ofDays(28), Duration.ofDays(30));
  static final String MESSAGE = "window must be 7d, 28d, 30d or month";

  public static final RollingWindow DAYS_7 = new RollingWindow(Duration.ofDays(7));
  public static final RollingWindow DAYS_28 = new RollingWindow(Duration.ofDays(28));
  public static final RollingWindow DAYS_30 = new RollingWindow(Duration.ofDays(30));

  public RollingWindow {
    if (!SUPPORTED.contains(length)) {
      throw new IllegalArgumentException(MESSAGE + ", was " + describe(length));
    }
  }

  private static String describe(Duration length) {
    return length != null && length.toSeconds() % 86_400 == 0 && !length.isZero()
        ? length.toDays() + "d"
        : String.valueOf(length);
  }

  @Override
  public Instant start(Instant now) {
    return now.minus(length);
  }

  @Override
  public Duration length(Instant now) {
    return length;
  }

  @Override
  public String label() {
    return length.toDays() + "d";
  }
}
