package dev.meerkat.agent.application.opentelemetryapi;

import dev.meerkat.agent.bootstrap.opentelemetryapi.OpenTelemetryApiBridge;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerBuilder;
import io.opentelemetry.api.trace.TracerProvider;

/** Tracers of the agent's SDK, with the application's instrumentation scope names. */
final class BridgeTracerProvider implements TracerProvider {
  @Override
  public Tracer get(String instrumentationScopeName) {
    return tracer(instrumentationScopeName, null, null);
  }

  @Override
  public Tracer get(String instrumentationScopeName, String instrumentationScopeVersion) {
    return tracer(instrumentationScopeName, instrumentationScopeVersion, null);
  }

  @Override
  public TracerBuilder tracerBuilder(String instrumentationScopeName) {
    return new BridgeTracerBuilder(instrumentationScopeName);
  }

  static Tracer tracer(String name, String version, String schemaUrl) {
    return new BridgeTracer(OpenTelemetryApiBridge.hook.tracer(name, version, schemaUrl));
  }
}
