package dev.meerkat.agent.bootstrap.lettuce;

/** Bootstrap-zone state of the lettuce instrumentation, read by its advice. */
public final class LettuceBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile LettuceHook hook;

  private LettuceBridge() {}
}
