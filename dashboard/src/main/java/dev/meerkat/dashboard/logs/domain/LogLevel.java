package dev.meerkat.dashboard.logs.domain;

import dev.meerkat.store.query.log.SeverityRange;
import java.util.Optional;

/**
 * The lowest severity a log search shows: any, or one of the data model's ranges ({@link
 * SeverityRange}: TRACE 1-4 ... FATAL 21-24) and everything above it. The name a record shows is
 * {@link dev.meerkat.store.query.log.LogEntry#severityName()}, shared with the trace page.
 */
public enum LogLevel {
  ANY("any", 0),
  TRACE(SeverityRange.TRACE),
  DEBUG(SeverityRange.DEBUG),
  INFO(SeverityRange.INFO),
  WARN(SeverityRange.WARN),
  ERROR(SeverityRange.ERROR),
  FATAL(SeverityRange.FATAL);

  private final String label;
  private final int minSeverity;

  LogLevel(SeverityRange range) {
    this(range.name(), range.first());
  }

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
