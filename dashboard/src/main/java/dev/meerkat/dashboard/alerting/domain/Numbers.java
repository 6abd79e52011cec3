package dev.meerkat.dashboard.alerting.domain;

import java.math.BigDecimal;
import java.time.Duration;

/** Short human forms of numbers and durations for rule descriptions and forms. */
public final class Numbers {

  private Numbers() {}

  /** 5.0 -> "5", 0.25 -> "0.25". */
  public static String plain(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** Whole minutes as "5m", hours as "2h", seconds as "30s". */
  public static String duration(Duration d) {
    long s = d.toSeconds();
    if (s % 3600 == 0 && s > 0) {
      return s / 3600 + "h";
    }
    if (s % 60 == 0 && s > 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  /** Parses "30s", "5m", "2h", "1d", or "0"; null when malformed. */
  public static Duration parseDuration(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    if (t.equals("0")) {
      return Duration.ZERO;
    }
    if (!t.matches("\\d{1,6}[smhd]")) {
      return null;
    }
    long n = Long.parseLong(t.substring(0, t.length() - 1));
    return switch (t.charAt(t.length() - 1)) {
      case 's' -> Duration.ofSeconds(n);
      case 'm' -> Duration.ofMinutes(n);
      case 'h' -> Duration.ofHours(n);
      default -> Duration.ofDays(n);
    };
  }
}
