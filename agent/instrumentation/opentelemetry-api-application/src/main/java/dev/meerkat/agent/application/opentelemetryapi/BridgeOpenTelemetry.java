package dev.meerkat.agent.application.opentelemetryapi;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * The application's {@code GlobalOpenTelemetry}: tracers that create the agent's spans, and the W3C
 * trace context and baggage propagators (the agent's defaults) working on the application's
 * context. Metrics and logs are the API's noop defaults.
 */
final class BridgeOpenTelemetry implements OpenTelemetry {
  private final BridgeTracerProvider tracerProvider = new BridgeTracerProvider();
  private volatile ContextPropagators propagators;

  @Override
  public TracerProvider getTracerProvider() {
    return tracerProvider;
  }

  @Override
  public ContextPropagators getPropagators() {
    ContextPropagators current = propagators;
    if (current == null) {
      current =
          ContextPropagators.create(
              TextMapPropagator.composite(
                  W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance()));
      propagators = current;
    }
    return current;
  }
}
