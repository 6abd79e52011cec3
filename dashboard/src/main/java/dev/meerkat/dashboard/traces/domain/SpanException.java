package dev.meerkat.dashboard.traces.domain;

import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.SpanEventDetail;
import java.time.Instant;
import java.util.List;

/**
 * An exception a span recorded: an event named {@code exception} with the OpenTelemetry semantic
 * attributes {@code exception.type}, {@code exception.message} and {@code exception.stacktrace}
 * (each empty when absent).
 */
public record SpanException(Instant time, String type, String message, String stacktrace) {

  static final String EVENT_NAME = "exception";

  /** The exceptions of {@code span} in recorded order. */
  public static List<SpanException> of(SpanDetail span) {
    return span.events().stream()
        .filter(e -> EVENT_NAME.equals(e.name()))
        .map(SpanException::of)
        .toList();
  }

  static SpanException of(SpanEventDetail event) {
    return new SpanException(
        event.time(),
        event.attributes().getOrDefault("exception.type", ""),
        event.attributes().getOrDefault("exception.message", ""),
        event.attributes().getOrDefault("exception.stacktrace", ""));
  }

  /** "type: message", or whichever of the two is present. */
  public String headline() {
    if (type.isEmpty() || message.isEmpty()) {
      return type + message;
    }
    return type + ": " + message;
  }
}
