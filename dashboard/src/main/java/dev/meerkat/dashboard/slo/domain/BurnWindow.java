package dev.meerkat.dashboard.slo.domain;

import java.time.Duration;

/** The windows burn rates are reported over (detail page, Prometheus): 5 m to 3 d. */
public enum BurnWindow {
  FIVE_MINUTES("5m", Duration.ofMinutes(5)),
  THIRTY_MINUTES("30m", Duration.ofMinutes(30)),
  ONE_HOUR("1h", Duration.ofHours(1)),
  TWO_HOURS("2h", Duration.ofHours(2)),
  SIX_HOURS("6h", Duration.ofHours(6)),
  ONE_DAY("1d", Duration.ofDays(1)),
  THREE_DAYS("3d", Duration.ofDays(3));

  private final String label;
  private final Duration duration;

  BurnWindow(String label, Duration duration) {
    this.label = label;
    this.duration = duration;
  }

  public String label() {
    return label;
  }

  public Duration duration() {
    return duration;
  }
}
