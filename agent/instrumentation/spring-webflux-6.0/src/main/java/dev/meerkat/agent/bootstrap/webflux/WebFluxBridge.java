package dev.meerkat.agent.bootstrap.webflux;

/** Bootstrap-zone state of the spring-webflux instrumentation, read by its advice and helpers. */
public final class WebFluxBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile WebFluxHook hook;

  private WebFluxBridge() {}
}
