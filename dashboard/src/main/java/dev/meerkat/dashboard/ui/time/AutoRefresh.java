package dev.meerkat.dashboard.ui.time;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** How often a page reloads its data by itself, written in a URL as {@code refresh=30s}. */
public enum AutoRefresh {
  OFF("off", Duration.ZERO, "Auto-refresh off"),
  TEN_SECONDS("10s", Duration.ofSeconds(10), "Every 10 seconds"),
  THIRTY_SECONDS("30s", Duration.ofSeconds(30), "Every 30 seconds"),
  ONE_MINUTE("1m", Duration.ofMinutes(1), "Every minute"),
  FIVE_MINUTES("5m", Duration.ofMinutes(5), "Every 5 minutes");

  private final String token;
  private final Duration interval;
  private final String label;

  AutoRefresh(String token, Duration interval, String label) {
    this.token = token;
    this.interval = interval;
    this.label = label;
  }

  /** The URL value, e.g. {@code 30s}. */
  public String token() {
    return token;
  }

  public String label() {
    return label;
  }

  /** The pause between two reloads; empty when off. */
  public Optional<Duration> interval() {
    return this == OFF ? Optional.empty() : Optional.of(interval);
  }

  /** The setting whose URL value is {@code token}, empty for any other text. */
  public static Optional<AutoRefresh> ofToken(String token) {
    return Arrays.stream(values()).filter(r -> r.token.equals(token)).findFirst();
  }
}
