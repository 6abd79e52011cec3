package dev.meerkat.agent.bootstrap.executors;

/** Bootstrap-zone state of the executors instrumentation, read by its advice. */
public final class ExecutorsBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile ExecutorsHook hook;

  private ExecutorsBridge() {}
}
