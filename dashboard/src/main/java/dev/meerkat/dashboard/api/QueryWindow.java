package dev.meerkat.dashboard.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time range [from, to) of a query: {@code from}/{@code to} (to defaults to now), or {@code
 * window} ending now, or the default window ending now when neither is given.
 */
record QueryWindow(Instant from, Instant to) {

  static final Duration DEFAULT = Duration.ofHours(1);

  static QueryWindow resolve(String from, String to, String window, Clock clock) {
    Instant now = clock.instant();
    if (window != null) {
      if (from != null || to != null) {
        throw new BadParameterException(
            "give either 'window' or 'from'/'to', not both (window=" + window + ")");
      }
      return new QueryWindow(now.minus(Parameters.duration("window", window)), now);
    }
    if (from == null) {
      if (to != null) {
        throw new BadParameterException("parameter 'to' needs 'from' (or use 'window')");
      }
      return new QueryWindow(now.minus(DEFAULT), now);
    }
    Instant start = Parameters.instant("from", from);
    Instant end = to == null ? now : Parameters.instant("to", to);
    if (!start.isBefore(end)) {
      throw new BadParameterException(
          "parameter 'from' (" + start + ") must be before 'to' (" + end + ")");
    }
    return new QueryWindow(start, end);
  }

  Duration length() {
    return Duration.between(from, to);
  }
}
