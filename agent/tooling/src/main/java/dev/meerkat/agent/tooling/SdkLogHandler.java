package dev.meerkat.agent.tooling;

import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes the relocated SDK's java.util.logging output (loggers under {@code
 * dev.meerkat.agent.shaded}) to the agent logger. Warnings are rate limited, so a collector that is
 * down yields an occasional line instead of one per failed export; stack traces only at DEBUG. Only
 * our own logger namespace is configured; the application's logging is left alone.
 */
final class SdkLogHandler extends Handler {
  static final String NAMESPACE = "dev.meerkat.agent.shaded";
  private static final long WARN_INTERVAL_NANOS = 60_000_000_000L;

  // JUL keeps loggers weakly; a strong reference keeps our handler and level attached.
  private static Logger sdkRoot;

  private final AgentLogger logger;
  private long lastWarnNanos;
  private boolean warnedOnce;
  private int suppressed;

  private SdkLogHandler(AgentLogger logger) {
    this.logger = logger;
  }

  static void install(AgentLogger logger) {
    Logger root = Logger.getLogger(NAMESPACE);
    root.setUseParentHandlers(false);
    root.setLevel(logger.isEnabled(AgentLogger.Level.DEBUG) ? Level.FINE : Level.INFO);
    root.addHandler(new SdkLogHandler(logger));
    sdkRoot = root;
  }

  @Override
  public void publish(LogRecord record) {
    int level = record.getLevel().intValue();
    String message = record.getMessage();
    if (level < Level.WARNING.intValue()) {
      logger.log(AgentLogger.Level.DEBUG, message, record.getThrown());
      return;
    }
    String suppressedNote;
    synchronized (this) {
      long now = System.nanoTime();
      if (warnedOnce && now - lastWarnNanos < WARN_INTERVAL_NANOS) {
        suppressed++;
        return;
      }
      warnedOnce = true;
      lastWarnNanos = now;
      suppressedNote = suppressed == 0 ? "" : " (" + suppressed + " similar messages suppressed)";
      suppressed = 0;
    }
    Throwable thrown = record.getThrown();
    String cause = thrown == null ? "" : " [" + thrown.getClass().getName() + "]";
    logger.log(AgentLogger.Level.WARN, message + cause + suppressedNote, thrown);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
