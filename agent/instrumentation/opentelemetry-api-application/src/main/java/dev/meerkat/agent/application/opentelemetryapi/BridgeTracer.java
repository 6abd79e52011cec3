package dev.meerkat.agent.application.opentelemetryapi;

import dev.meerkat.agent.bootstrap.opentelemetryapi.OpenTelemetryApiBridge;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.Tracer;

final class BridgeTracer implements Tracer {
  private final Object agentTracer;

  BridgeTracer(Object agentTracer) {
    this.agentTracer = agentTracer;
  }

  @Override
  public SpanBuilder spanBuilder(String spanName) {
    return new BridgeSpanBuilder(OpenTelemetryApiBridge.hook.spanBuilder(agentTracer, spanName));
  }
}
