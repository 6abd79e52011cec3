package dev.meerkat.agent.bootstrap.annotations;

/** Bootstrap-zone state of the annotations instrumentation, read by its advice. */
public final class WithSpanBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile WithSpanHook hook;

  private WithSpanBridge() {}
}
