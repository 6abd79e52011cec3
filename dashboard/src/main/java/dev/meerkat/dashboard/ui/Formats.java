package dev.meerkat.dashboard.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/** Number and time formats shared by the views. Missing values show as an en dash. */
public final class Formats {

  public static final String NONE = "–";
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private Formats() {}

  public static String millis(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f ms", value) : NONE;
  }

  public static String rate(double perSecond) {
    return String.format(Locale.ROOT, "%.2f", perSecond);
  }

  public static String percent(double ratio) {
    return Double.isFinite(ratio) ? String.format(Locale.ROOT, "%.2f %%", ratio * 100) : NONE;
  }

  public static String percent(OptionalDouble ratio) {
    return ratio.isPresent() ? percent(ratio.getAsDouble()) : NONE;
  }

  public static String number(OptionalDouble value) {
    return value.isPresent() ? String.format(Locale.ROOT, "%.2f", value.getAsDouble()) : NONE;
  }

  public static String time(Instant instant) {
    return TIME.format(instant);
  }
}
