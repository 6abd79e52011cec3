package dev.meerkat.dashboard.ui.time;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The time picker's look-back windows ending now, written in a URL as {@code range=15m}. */
public enum Preset {
  FIVE_MINUTES("5m", Duration.ofMinutes(5), "Last 5 minutes"),
  FIFTEEN_MINUTES("15m", Duration.ofMinutes(15), "Last 15 minutes"),
  THIRTY_MINUTES("30m", Duration.ofMinutes(30), "Last 30 minutes"),
  ONE_HOUR("1h", Duration.ofHours(1), "Last 1 hour"),
  THREE_HOURS("3h", Duration.ofHours(3), "Last 3 hours"),
  SIX_HOURS("6h", Duration.ofHours(6), "Last 6 hours"),
  TWELVE_HOURS("12h", Duration.ofHours(12), "Last 12 hours"),
  ONE_DAY("24h", Duration.ofHours(24), "Last 24 hours"),
  TWO_DAYS("2d", Duration.ofDays(2), "Last 2 days"),
  SEVEN_DAYS("7d", Duration.ofDays(7), "Last 7 days"),
  THIRTY_DAYS("30d", Duration.ofDays(30), "Last 30 days");

  private final String token;
  private final Duration duration;
  private final String label;

  Preset(String token, Duration duration, String label) {
    this.token = token;
    this.duration = duration;
    this.label = label;
  }

  /** The URL value, e.g. {@code 15m}. */
  public String token() {
    return token;
  }

  public Duration duration() {
    return duration;
  }

  /** What a person reads, e.g. "Last 15 minutes". */
  public String label() {
    return label;
  }

  /** The preset whose URL value is {@code token}, empty for any other text. */
  public static Optional<Preset> ofToken(String token) {
    return Arrays.stream(values()).filter(p -> p.token.equals(token)).findFirst();
  }

  /** The longest preset: also the longest custom range the picker accepts. */
  public static Preset longest() {
    return THIRTY_DAYS;
  }

  /** "5m, 15m, ... or 30d", for messages that list what a link may say. */
  static String tokens() {
    String all = Arrays.stream(values()).map(Preset::token).collect(Collectors.joining(", "));
    int last = all.lastIndexOf(", ");
    return all.substring(0, last) + " or " + all.substring(last + 2);
  }
}
