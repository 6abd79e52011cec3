package dev.meerkat.dashboard.services.domain;

import java.time.Duration;

/** Look-back windows: the services overview offers 5m to 24h, the logs page 15m to 7d. */
public enum TimeRange {
  FIVE_MINUTES("5m", Duration.ofMinutes(5)),
  FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
  ONE_HOUR("1h", Duration.ofHours(1)),
  SIX_HOURS("6h", Duration.ofHours(6)),
  ONE_DAY("24h", Duration.ofHours(24)),
  SEVEN_DAYS("7d", Duration.ofDays(7));

  private final String label;
  private final Duration duration;

  TimeRange(String label, Duration duration) {
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
