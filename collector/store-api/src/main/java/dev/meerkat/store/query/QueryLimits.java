package dev.meerkat.store.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one read query may cost, so that one user cannot stall the store: the longest time range a
 * query may cover, the most rows it may return, and how long the server may work on it. Enforced by
 * the store's read repositories; a query over a limit fails with {@link QueryLimitException} saying
 * which limit and what to do.
 *
 * @param maxRange longest {@code to - from} of one query
 * @param maxRows most rows one query may return; one more is refused, not cut off
 * @param timeout longest time the server may spend on one query
 */
public record QueryLimits(Duration maxRange, int maxRows, Duration timeout) {

  /** Setting names the messages quote, so that a user knows what an operator can raise. */
  public static final String MAX_RANGE_SETTING = "meerkat.query.max-range";

  public static final String MAX_ROWS_SETTING = "meerkat.query.max-rows";
  public static final String TIMEOUT_SETTING = "meerkat.query.timeout";

  public QueryLimits {
    Objects.requireNonNull(maxRange, "maxRange");
    Objects.requireNonNull(timeout, "timeout");
    if (maxRange.isNegative() || maxRange.isZero()) {
      throw new IllegalArgumentException(MAX_RANGE_SETTING + " must be positive, got " + maxRange);
    }
    if (maxRows < 1) {
      throw new IllegalArgumentException(MAX_ROWS_SETTING + " must be at least 1, got " + maxRows);
    }
    if (timeout.toSeconds() < 1) {
      throw new IllegalArgumentException(
          TIMEOUT_SETTING
              + " must be at least 1s (ClickHouse counts whole seconds), got "
              + timeout);
    }
  }

  /** 31 days, 10,000 rows, 30 seconds. */
  public static QueryLimits defaults() {
    return new QueryLimits(Duration.ofDays(31), 10_000, Duration.ofSeconds(30));
  }

  /**
   * Refuses a range longer than {@link #maxRange}.
   *
   * @throws QueryLimitException saying how long the range is and what is allowed
   */
  public void checkRange(Instant from, Instant to) {
    Duration range = Duration.between(from, to);
    if (range.compareTo(maxRange) > 0) {
      throw new QueryLimitException(
          "The time range is "
              + Durations.describe(range)
              + "; a query may cover at most "
              + Durations.describe(maxRange)
              + " ("
              + MAX_RANGE_SETTING
              + "). Choose a shorter range.");
    }
  }

  /** The refusal of a result with more than {@link #maxRows} rows. */
  public QueryLimitException tooManyRows() {
    return new QueryLimitException(
        "The query returned more than "
            + String.format("%,d", maxRows)
            + " rows ("
            + MAX_ROWS_SETTING
            + "). Choose a shorter range or narrow the filters.");
  }

  /**
   * The refusal of a query stopped after {@link #timeout}; {@code cause} tells who stopped it (the
   * server's error, or the client's timeout when the server did not).
   */
  public QueryLimitException timedOut(Throwable cause) {
    return new QueryLimitException(
        "The query took longer than "
            + Durations.describe(timeout)
            + " and was stopped ("
            + TIMEOUT_SETTING
            + "). Choose a shorter range or narrow the filters.",
        cause);
  }
}
