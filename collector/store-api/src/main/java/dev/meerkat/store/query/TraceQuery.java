package dev.meerkat.store.query;

import dev.meerkat.store.model.SpanStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A trace search: the traces with at least one span that started in [from, to) and satisfies every
 * filter given (Jaeger's semantics: all filters on the same span). Absent filters match anything.
 * Build with {@link #between(Instant, Instant)} and the {@code with...} methods.
 *
 * @param from window start, inclusive
 * @param to window end, exclusive
 * @param service span's service name
 * @param operation span's name
 * @param minDuration span lasted at least this long
 * @param maxDuration span lasted at most this long
 * @param status span's status
 * @param attributes span or resource attributes the span carries, all of them
 * @param limit page size, 1 to {@link #MAX_LIMIT}
 * @param cursor {@link TracePage#nextCursor()} of the previous page, empty for the first page
 */
public record TraceQuery(
    Instant from,
    Instant to,
    Optional<String> service,
    Optional<String> operation,
    Optional<Duration> minDuration,
    Optional<Duration> maxDuration,
    Optional<SpanStatus> status,
    List<AttributeFilter> attributes,
    int limit,
    Optional<String> cursor) {

  public static final int DEFAULT_LIMIT = 20;
  public static final int MAX_LIMIT = 1000;

  public TraceQuery {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("empty time range: " + from + " to " + to);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
    }
    attributes = List.copyOf(attributes);
  }

  /** Every trace with a span in [from, to), first page of {@link #DEFAULT_LIMIT}. */
  public static TraceQuery between(Instant from, Instant to) {
    return new TraceQuery(
        from,
        to,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        DEFAULT_LIMIT,
        Optional.empty());
  }

  public TraceQuery withService(String value) {
    return new TraceQuery(
        from,
        to,
        Optional.of(value),
        operation,
        minDuration,
        maxDuration,
        status,
        attributes,
        limit,
        cursor);
  }

  public TraceQuery withOperation(String value) {
    return new TraceQuery(
        from,
        to,
        service,
        Optional.of(value),
        minDuration,
        maxDuration,
        status,
        attributes,
        limit,
        cursor);
  }

  public TraceQuery withMinDuration(Duration value) {
    return new TraceQuery(
        from,
        to,
        service,
        operation,
        Optional.of(value),
        maxDuration,
        status,
        attributes,
        limit,
        cursor);
  }

  public TraceQuery withMaxDuration(Duration value) {
    return new TraceQuery(
        from,
        to,
        service,
        operation,
        minDuration,
        Optional.of(value),
        status,
        attributes,
        limit,
        cursor);
  }

  public TraceQuery withStatus(SpanStatus value) {
    return new TraceQuery(
        from,
        to,
        service,
        operation,
        minDuration,
        maxDuration,
        Optional.of(value),
        attributes,
        limit,
        cursor);
  }

  /** Adds one more attribute filter (ANDed with the others). */
  public TraceQuery withAttribute(String key, String value) {
    List<AttributeFilter> all = new ArrayList<>(attributes);
    all.add(new AttributeFilter(key, value));
    return new TraceQuery(
        from, to, service, operation, minDuration, maxDuration, status, all, limit, cursor);
  }

  public TraceQuery withLimit(int value) {
    return new TraceQuery(
        from, to, service, operation, minDuration, maxDuration, status, attributes, value, cursor);
  }

  /** The page after the one {@code cursor} came with. */
  public TraceQuery withCursor(String value) {
    return new TraceQuery(
        from,
        to,
        service,
        operation,
        minDuration,
        maxDuration,
        status,
        attributes,
        limit,
        Optional.of(value));
  }
}
