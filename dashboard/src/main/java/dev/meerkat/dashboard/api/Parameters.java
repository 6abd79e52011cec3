package dev.meerkat.dashboard.api;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the API's query parameters. Each failure names the parameter and what it expects, so the
 * caller can fix the request from the 400 message alone.
 */
final class Parameters {

  private static final Pattern DURATION = Pattern.compile("([1-9][0-9]{0,6})([smhd])");
  private static final Pattern EPOCH_MILLIS = Pattern.compile("-?[0-9]{1,15}");
  private static final Map<String, Duration> UNITS =
      Map.of(
          "s", Duration.ofSeconds(1),
          "m", Duration.ofMinutes(1),
          "h", Duration.ofHours(1),
          "d", Duration.ofDays(1));

  /** What a {@code cursor} must be: opaque, made by the store, passed back unchanged. */
  static final String CURSOR = "the nextCursor of the previous page of the same search";

  private Parameters() {}

  /** An ISO-8601 instant ({@code 2026-11-30T10:00:00Z}) or milliseconds since the epoch. */
  static Instant instant(String name, String value) {
    if (EPOCH_MILLIS.matcher(value).matches()) {
      return Instant.ofEpochMilli(Long.parseLong(value));
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new BadParameterException(
          name,
          "an ISO-8601 instant like 2026-11-30T10:00:00Z or milliseconds since the epoch",
          value);
    }
  }

  /** A positive whole number of seconds, minutes, hours or days: {@code 30s}, {@code 15m}, ... */
  static Duration duration(String name, String value) {
    Matcher matcher = DURATION.matcher(value);
    if (!matcher.matches()) {
      throw new BadParameterException(
          name, "a positive number with a unit s, m, h or d, like 15m or 7d", value);
    }
    return UNITS.get(matcher.group(2)).multipliedBy(Long.parseLong(matcher.group(1)));
  }

  /**
   * Runs one page of a search. The store refuses a {@code cursor} it did not make: that is the
   * caller's mistake (400), not a failure of ours.
   */
  static <T> T paged(String cursor, Supplier<T> search) {
    try {
      return search.get();
    } catch (IllegalArgumentException e) {
      if (cursor == null) {
        throw e;
      }
      throw new BadParameterException("cursor", CURSOR, cursor);
    }
  }

  /** A whole number in [min, max], or {@code fallback} when absent. */
  static int integer(String name, String value, int min, int max, int fallback) {
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // answered below, with the range
    }
    throw new BadParameterException(name, "a whole number from " + min + " to " + max, value);
  }

  /** Where an offset-paged list starts: 0 when absent. */
  static int offset(String value) {
    return integer("offset", value, 0, Integer.MAX_VALUE, 0);
  }

  /** A non-negative number of milliseconds, fractions allowed ({@code 0.25}), as a duration. */
  static Duration millis(String name, String value) {
    try {
      BigDecimal nanos = new BigDecimal(value).movePointRight(6);
      if (nanos.signum() >= 0 && nanos.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
        return Duration.ofNanos(nanos.longValue());
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadParameterException(name, "a non-negative number of milliseconds", value);
  }

  /** One of {@code allowed} (given in lower case), case-insensitive. */
  static String choice(String name, String value, String... allowed) {
    String lower = value.toLowerCase(Locale.ROOT);
    for (String option : allowed) {
      if (option.equals(lower)) {
        return option;
      }
    }
    throw new BadParameterException(name, "one of " + String.join(", ", allowed), value);
  }

  /** Splits {@code key=value} at the first {@code =}; the key must not be empty. */
  static String[] keyValue(String name, String value) {
    int equals = value.indexOf('=');
    if (equals <= 0) {
      throw new BadParameterException(name, "key=value with a non-empty key", value);
    }
    return new String[] {value.substring(0, equals), value.substring(equals + 1)};
  }
}
