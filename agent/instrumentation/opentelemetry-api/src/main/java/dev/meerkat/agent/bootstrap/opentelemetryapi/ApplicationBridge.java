package dev.meerkat.agent.bootstrap.opentelemetryapi;

/**
 * Implemented in the application's class loader (by the classes of opentelemetry-api-application,
 * defined there by the agent), one per OpenTelemetry API copy: what the advice puts in place of the
 * application's own objects.
 */
public interface ApplicationBridge {
  /** The application's {@code ContextStorage} that keeps its context in the agent's. */
  Object contextStorage();

  /**
   * What {@code GlobalOpenTelemetry.get()} returns: {@code global} when the application registered
   * its own OpenTelemetry with traces, else the bridge to the agent's.
   */
  Object openTelemetry(Object global);
}
