package dev.meerkat.agent.application.opentelemetryapi;

import dev.meerkat.agent.bootstrap.opentelemetryapi.ApplicationBridge;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.TracerProvider;

/** The bridge for one application copy of the API; created by the agent by reflection. */
public final class ApplicationApi implements ApplicationBridge {
  private final BridgeContextStorage storage = new BridgeContextStorage();
  private final BridgeOpenTelemetry openTelemetry = new BridgeOpenTelemetry();

  public ApplicationApi() {}

  @Override
  public Object contextStorage() {
    return storage;
  }

  @Override
  public Object openTelemetry(Object global) {
    // An OpenTelemetry the application registered itself, with traces, stays: its choice. The
    // noop that GlobalOpenTelemetry falls back to is replaced by the agent's.
    if (global instanceof OpenTelemetry
        && ((OpenTelemetry) global).getTracerProvider() != TracerProvider.noop()) {
      return global;
    }
    return openTelemetry;
  }
}
