package dev.meerkat.agent.bootstrap.jdkhttpserver;

/**
 * Bootstrap-zone holder that {@code GetFiltersAdvice} (inlined into a JDK class) reads. Typed as
 * {@code Object} because the filter class lives in the agent class loader; null until activated.
 */
public final class JdkHttpServerBridge {
  /** A {@code com.sun.net.httpserver.Filter} that traces server exchanges, or null. */
  public static volatile Object filter;

  private JdkHttpServerBridge() {}
}
