package dev.meerkat.dashboard.logs.domain;

import java.util.Optional;

/**
 * The lowest severity a log search shows, on the OTLP severity-number scale (TRACE 1-4, DEBUG 5-8,
 * INFO 9-12, WARN 13-16, ERROR 17-20, FATAL 21-24). The name a record shows is {@link
 * dev.meerkat.store.query.log.LogEntry#severityName()}, shared with the trace page.
 */
public enum LogLevel {
  ANY("any", 0),
  TRACE("TRACE", 1),
  DEBUG("DEBUG", 5),
  INFO("INFO", 9),
  WARN("WARN", 13),
  ERROR("ERROR", 17),
  FATAL("FATAL", 21);

  private final String label;
  private final int minSeverity;

  LogLevel(String label, int minSeverity) {
    this.label = label;
    this.minSeverity = minSeverity;
  }

  public String label() {
    return label;
  }

  public int minSeverity() {
    return minSeverity;
  }

  /** The level with this label ({@code any}, {@code TRACE} ... {@code FATAL}), any case. */
  public static Optional<LogLevel> ofLabel(String label) {
    for (LogLevel level : values()) {
      if (level.label.equalsIgnoreCase(label)) {
        return Optional.of(level);
      }
    }
    return Optional.empty();
  }
}
