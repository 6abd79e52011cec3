package dev.meerkat.agent.bootstrap.log4j2mdc;

/** Bootstrap-zone state of the log4j2-mdc instrumentation, read by its advice. */
public final class Log4j2MdcBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile Log4j2MdcHook hook;

  private Log4j2MdcBridge() {}
}
