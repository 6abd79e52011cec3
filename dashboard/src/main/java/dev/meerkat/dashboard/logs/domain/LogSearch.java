package dev.meerkat.dashboard.logs.domain;

import dev.meerkat.dashboard.services.domain.TimeRange;
import java.util.Objects;
import java.util.Optional;

/**
 * What the logs page asks for: every filter given must hold. Blank text filters mean "no filter";
 * {@code traceId} is already a checked, lower-case trace id.
 *
 * @param window how far back from now
 * @param service emitting service
 * @param level lowest severity shown
 * @param text substring of the message (case-sensitive)
 * @param traceId correlated trace
 */
public record LogSearch(
    TimeRange window,
    Optional<String> service,
    LogLevel level,
    Optional<String> text,
    Optional<String> traceId) {

  public LogSearch {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(level, "level");
    service = service.filter(s -> !s.isBlank());
    text = text.filter(s -> !s.isEmpty());
    traceId = traceId.filter(s -> !s.isBlank());
  }

  /** Everything of the last {@code window}. */
  public static LogSearch all(TimeRange window) {
    return new LogSearch(
        window, Optional.empty(), LogLevel.ANY, Optional.empty(), Optional.empty());
  }
}
