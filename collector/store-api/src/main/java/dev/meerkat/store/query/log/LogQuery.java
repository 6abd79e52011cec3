package dev.meerkat.store.query.log;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A log search over [from, to): every filter given must hold. Build with {@link #between} and the
 * {@code with...} methods.
 *
 * @param from window start, inclusive
 * @param to window end, exclusive
 * @param service emitting service
 * @param minSeverity lowest severity number shown (e.g. 17 for ERROR and worse)
 * @param text substring the body contains (case-sensitive)
 * @param traceId correlated trace
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param cursor {@link LogPage#nextCursor()} of the previous page, empty for the first page
 */
public record LogQuery(
    Instant from,
    Instant to,
    Optional<String> service,
    Optional<Integer> minSeverity,
    Optional<String> text,
    Optional<String> traceId,
    int limit,
    Optional<String> cursor) {

  public static final int DEFAULT_LIMIT = 100;
  public static final int MAX_LIMIT = 5000;

  public LogQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("empty time range: " + from + " to " + to);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
    }
  }

  public static LogQuery between(Instant from, Instant to) {
    return new LogQuery(
        from,
        to,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        DEFAULT_LIMIT,
        Optional.empty());
  }

  public LogQuery withService(String value) {
    return new LogQuery(from, to, Optional.of(value), minSeverity, text, traceId, limit, cursor);
  }

  public LogQuery withMinSeverity(int value) {
    return new LogQuery(from, to, service, Optional.of(value), text, traceId, limit, cursor);
  }

  public LogQuery withText(String value) {
    return new LogQuery(from, to, service, minSeverity, Optional.of(value), traceId, limit, cursor);
  }

  public LogQuery withTraceId(String value) {
    return new LogQuery(from, to, service, minSeverity, text, Optional.of(value), limit, cursor);
  }

  public LogQuery withLimit(int value) {
    return new LogQuery(from, to, service, minSeverity, text, traceId, value, cursor);
  }

  public LogQuery withCursor(String value) {
    return new LogQuery(from, to, service, minSeverity, text, traceId, limit, Optional.of(value));
  }
}
