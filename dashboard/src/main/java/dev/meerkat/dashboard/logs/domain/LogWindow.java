package dev.meerkat.dashboard.logs.domain;

import java.time.Duration;

/** How far back a log search reaches from now. */
public enum LogWindow {
  FIFTEEN_MINUTES("15m", Duration.ofMinutes(15)),
  ONE_HOUR("1h", Duration.ofHours(1)),
  SIX_HOURS("6h", Duration.ofHours(6)),
  ONE_DAY("24h", Duration.ofHours(24)),
  SEVEN_DAYS("7d", Duration.ofDays(7));

  private final String label;
  private final Duration duration;

  LogWindow(String label, Duration duration) {
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
