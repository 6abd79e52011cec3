package dev.meerkat.store.query;

import java.time.Duration;
import java.util.Locale;

/** Durations as people write them in messages: {@code 45 days}, {@code 2 hours}, {@code 30s}. */
final class Durations {

  private Durations() {}

  static String describe(Duration duration) {
    if (duration.toDays() >= 1) {
      return duration.toHours() % 24 == 0
          ? plural(duration.toDays(), "day")
          : String.format(Locale.ROOT, "%.1f days", duration.toSeconds() / 86_400.0);
    }
    if (duration.toHours() >= 1 && duration.toMinutes() % 60 == 0) {
      return plural(duration.toHours(), "hour");
    }
    if (duration.toMinutes() >= 1 && duration.toSeconds() % 60 == 0) {
      return plural(duration.toMinutes(), "minute");
    }
    return duration.toSeconds() + "s";
  }

  private static String plural(long count, String unit) {
    return count + " " + unit + (count == 1 ? "" : "s");
  }
}
