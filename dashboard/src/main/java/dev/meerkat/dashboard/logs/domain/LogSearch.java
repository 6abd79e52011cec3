package dev.meerkat.dashboard.logs.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What the logs page asks for: every filter given must hold. Blank text filters mean "no filter";
 * {@code traceId} is already a checked, lower-case trace id.
 *
 * @param from oldest record time, inclusive
 * @param to newest record time, exclusive
 * @param service emitting service
 * @param level lowest severity shown
 * @param text substring of the message (case-sensitive)
 * @param traceId correlated trace
 */
public record LogSearch(
    Instant from,
    Instant to,
    Optional<String> service,
    LogLevel level,
    Optional<String> text,
    Optional<String> traceId) {

  public LogSearch {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(level, "level");
    service = service.filter(s -> !s.isBlank());
    text = text.filter(s -> !s.isEmpty());
    traceId = traceId.filter(s -> !s.isBlank());
  }

  /** Every record from {@code from} to {@code to}. */
  public static LogSearch all(Instant from, Instant to) {
    return new LogSearch(
        from, to, Optional.empty(), LogLevel.ANY, Optional.empty(), Optional.empty());
  }
}
