package dev.meerkat.dashboard.slo.domain;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** SLO windows offered by the dashboard. */
public enum SloWindow {
  ONE_HOUR("1h", Duration.ofHours(1)),
  ONE_DAY("1d", Duration.ofDays(1)),
  SEVEN_DAYS("7d", Duration.ofDays(7)),
  TWENTY_EIGHT_DAYS("28d", Duration.ofDays(28)),
  THIRTY_DAYS("30d", Duration.ofDays(30));

  private final String label;
  private final Duration duration;

  SloWindow(String label, Duration duration) {
    this.label = label;
    this.duration = duration;
  }

  public String label() {
    return label;
  }

  public Duration duration() {
    return duration;
  }

  public static Optional<SloWindow> of(Duration duration) {
    return Arrays.stream(values()).filter(w -> w.duration.equals(duration)).findFirst();
  }
}
