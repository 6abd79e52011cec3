package dev.meerkat.agent.application.opentelemetryapi;

import dev.meerkat.agent.bootstrap.opentelemetryapi.ApiHook;
import dev.meerkat.agent.bootstrap.opentelemetryapi.OpenTelemetryApiBridge;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.util.concurrent.TimeUnit;

/**
 * Builds an agent span. Without {@link #setParent} the agent's current context is the parent, which
 * holds whatever the application made current (see {@link BridgeContextStorage}).
 */
final class BridgeSpanBuilder implements SpanBuilder {
  private final ApiHook hook = OpenTelemetryApiBridge.hook;
  private final Object agentBuilder;

  BridgeSpanBuilder(Object agentBuilder) {
    this.agentBuilder = agentBuilder;
  }

  @Override
  public SpanBuilder setParent(Context context) {
    if (context != null) {
      hook.setParent(agentBuilder, Bridging.agentSpan(Span.fromContextOrNull(context)));
    }
    return this;
  }

  @Override
  public SpanBuilder setNoParent() {
    hook.setNoParent(agentBuilder);
    return this;
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext) {
    return addLink(spanContext, Attributes.empty());
  }

  @Override
  public SpanBuilder addLink(SpanContext spanContext, Attributes attributes) {
    if (spanContext != null) {
      hook.addLink(
          agentBuilder, hook.wrap(Bridging.encode(spanContext)), Bridging.encode(attributes));
    }
    return this;
  }

  @Override
  public SpanBuilder setAttribute(String key, String value) {
    return setAttribute(AttributeKey.stringKey(key), value);
  }

  @Override
  public SpanBuilder setAttribute(String key, long value) {
    return setAttribute(AttributeKey.longKey(key), value);
  }

  @Override
  public SpanBuilder setAttribute(String key, double value) {
    return setAttribute(AttributeKey.doubleKey(key), value);
  }

  @Override
  public SpanBuilder setAttribute(String key, boolean value) {
    return setAttribute(AttributeKey.booleanKey(key), value);
  }

  @Override
  public <T> SpanBuilder setAttribute(AttributeKey<T> key, T value) {
    if (key != null && value != null) {
      hook.setAttribute(agentBuilder, key.getType().name(), key.getKey(), value);
    }
    return this;
  }

  @Override
  public SpanBuilder setSpanKind(SpanKind spanKind) {
    if (spanKind != null) {
      hook.setSpanKind(agentBuilder, spanKind.name());
    }
    return this;
  }

  @Override
  public SpanBuilder setStartTimestamp(long startTimestamp, TimeUnit unit) {
    if (unit != null) {
      hook.setStartTimestamp(agentBuilder, startTimestamp, unit);
    }
    return this;
  }

  @Override
  public Span startSpan() {
    Object span = hook.startSpan(agentBuilder);
    return span == null ? Span.getInvalid() : new BridgeSpan(span);
  }
}
