package dev.meerkat.agent.application.opentelemetryapi;

import dev.meerkat.agent.bootstrap.opentelemetryapi.ApiHook;
import dev.meerkat.agent.bootstrap.opentelemetryapi.OpenTelemetryApiBridge;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import java.util.concurrent.TimeUnit;

/** An agent span seen through the application's API. Equal when the agent span is the same. */
final class BridgeSpan implements Span {
  private final ApiHook hook = OpenTelemetryApiBridge.hook;
  final Object agentSpan;
  private volatile SpanContext spanContext;

  BridgeSpan(Object agentSpan) {
    this.agentSpan = agentSpan;
  }

  @Override
  public <T> Span setAttribute(AttributeKey<T> key, T value) {
    if (key != null && value != null) {
      hook.setAttribute(agentSpan, key.getType().name(), key.getKey(), value);
    }
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes) {
    hook.addEvent(agentSpan, name, Bridging.encode(attributes), 0, null);
    return this;
  }

  @Override
  public Span addEvent(String name, Attributes attributes, long timestamp, TimeUnit unit) {
    hook.addEvent(agentSpan, name, Bridging.encode(attributes), timestamp, unit);
    return this;
  }

  @Override
  public Span setStatus(StatusCode statusCode, String description) {
    if (statusCode != null) {
      hook.setStatus(agentSpan, statusCode.name(), description);
    }
    return this;
  }

  @Override
  public Span recordException(Throwable exception, Attributes additionalAttributes) {
    if (exception != null) {
      hook.recordException(agentSpan, exception, Bridging.encode(additionalAttributes));
    }
    return this;
  }

  @Override
  public Span updateName(String name) {
    hook.updateName(agentSpan, name);
    return this;
  }

  @Override
  public Span addLink(SpanContext linked) {
    return addLink(linked, Attributes.empty());
  }

  @Override
  public Span addLink(SpanContext linked, Attributes attributes) {
    if (linked != null) {
      hook.addLink(agentSpan, hook.wrap(Bridging.encode(linked)), Bridging.encode(attributes));
    }
    return this;
  }

  @Override
  public void end() {
    hook.end(agentSpan, 0, null);
  }

  @Override
  public void end(long timestamp, TimeUnit unit) {
    hook.end(agentSpan, timestamp, unit);
  }

  @Override
  public SpanContext getSpanContext() {
    SpanContext current = spanContext;
    if (current == null) {
      current = Bridging.decode(hook.spanContext(agentSpan));
      spanContext = current;
    }
    return current;
  }

  @Override
  public boolean isRecording() {
    return hook.isRecording(agentSpan);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof BridgeSpan && ((BridgeSpan) other).agentSpan == agentSpan;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(agentSpan);
  }

  @Override
  public String toString() {
    return "BridgeSpan{" + agentSpan + "}";
  }
}
