package dev.meerkat.agent.tooling;

import java.io.PrintStream;
import java.util.Locale;

/**
 * The agent's own minimal logger: one line per message on stderr, prefixed {@code [meerkat-agent]}.
 * It never touches the application's logging framework.
 */
public final class AgentLogger {
  /** Ordered from most to least verbose. */
  public enum Level {
    DEBUG,
    INFO,
    WARN,
    ERROR,
    OFF;

    static Level parse(String value, Level fallback) {
      if (value == null || value.trim().isEmpty()) {
        return fallback;
      }
      String upper = value.trim().toUpperCase(Locale.ROOT);
      if (upper.equals("WARNING")) {
        return WARN;
      }
      if (upper.equals("TRACE") || upper.equals("ALL")) {
        return DEBUG;
      }
      try {
        return valueOf(upper);
      } catch (IllegalArgumentException e) {
        return fallback;
      }
    }
  }

  private final Level threshold;
  private final PrintStream out;

  public AgentLogger(Level threshold, PrintStream out) {
    this.threshold = threshold;
    this.out = out;
  }

  /** A logger that prints nothing. */
  static AgentLogger silent() {
    return new AgentLogger(Level.OFF, System.err);
  }

  public boolean isEnabled(Level level) {
    return level != Level.OFF && level.compareTo(threshold) >= 0;
  }

  public void debug(String message) {
    log(Level.DEBUG, message, null);
  }

  public void info(String message) {
    log(Level.INFO, message, null);
  }

  public void warn(String message) {
    log(Level.WARN, message, null);
  }

  /**
   * Logs a line; the stack trace of {@code error} is printed only at DEBUG, to keep stderr calm.
   */
  public void log(Level level, String message, Throwable error) {
    if (!isEnabled(level)) {
      return;
    }
    synchronized (out) {
      out.println("[meerkat-agent] " + level + " " + message);
      if (error != null && isEnabled(Level.DEBUG)) {
        error.printStackTrace(out);
      }
    }
  }
}
