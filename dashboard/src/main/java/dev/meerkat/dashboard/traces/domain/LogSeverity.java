package dev.meerkat.dashboard.traces.domain;

import dev.meerkat.store.query.log.LogEntry;

/** The severity to show for a log line beside a trace. */
public final class LogSeverity {

  private static final String[] LEVELS = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};

  private LogSeverity() {}

  /**
   * The source's own text when it sent one, else the OTLP range the number falls in (1-4 TRACE ...
   * 21-24 FATAL), else empty.
   */
  public static String of(LogEntry line) {
    if (!line.severityText().isEmpty()) {
      return line.severityText();
    }
    int number = line.severityNumber();
    return number < 1 || number > 24 ? "" : LEVELS[(number - 1) / 4];
  }
}
