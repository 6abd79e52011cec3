package dev.meerkat.agent.bootstrap.springwebmvc;

/** Bootstrap-zone state of the spring-webmvc instrumentation, read by its advice. */
public final class SpringWebMvcBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile RouteHook hook;

  private SpringWebMvcBridge() {}
}
