package dev.meerkat.store.query;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A timed event of a span as the trace view shows it: an exception, a log line, a retry.
 *
 * @param time when it happened, nanosecond precision
 * @param name event name, e.g. {@code exception}
 * @param attributes event attributes, in recorded order
 */
public record SpanEventDetail(Instant time, String name, Map<String, String> attributes) {

  public SpanEventDetail {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(name, "name");
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }
}
