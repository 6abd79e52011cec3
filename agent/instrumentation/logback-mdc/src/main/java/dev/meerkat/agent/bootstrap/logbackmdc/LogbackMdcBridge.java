package dev.meerkat.agent.bootstrap.logbackmdc;

/** Bootstrap-zone state of the logback-mdc instrumentation, read by its advice. */
public final class LogbackMdcBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile LogbackMdcHook hook;

  private LogbackMdcBridge() {}
}
