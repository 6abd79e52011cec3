package dev.meerkat.agent.bootstrap.okhttp;

/** Bootstrap-zone state of the okhttp instrumentation, read by its advice. */
public final class OkHttpBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile OkHttpHook hook;

  private OkHttpBridge() {}
}
