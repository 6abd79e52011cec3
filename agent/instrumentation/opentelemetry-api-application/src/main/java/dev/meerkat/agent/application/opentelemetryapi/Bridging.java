package dev.meerkat.agent.application.opentelemetryapi;

import dev.meerkat.agent.bootstrap.opentelemetryapi.OpenTelemetryApiBridge;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.ArrayList;
import java.util.List;

/** Application objects to and from what crosses the bootstrap bridge (see {@code ApiHook}). */
final class Bridging {
  private Bridging() {}

  /**
   * The agent span for an application span: the one it wraps, or, for a span of the application's
   * own SDK (or one extracted by its propagators), a non-recording agent span with its context.
   */
  static Object agentSpan(Span span) {
    if (span == null) {
      return null;
    }
    if (span instanceof BridgeSpan) {
      return ((BridgeSpan) span).agentSpan;
    }
    SpanContext spanContext = span.getSpanContext();
    return spanContext.isValid() ? OpenTelemetryApiBridge.hook.wrap(encode(spanContext)) : null;
  }

  static String[] encode(SpanContext spanContext) {
    final List<String> encoded = new ArrayList<>(8);
    encoded.add(spanContext.getTraceId());
    encoded.add(spanContext.getSpanId());
    encoded.add(spanContext.getTraceFlags().asHex());
    encoded.add(spanContext.isRemote() ? "remote" : "local");
    spanContext
        .getTraceState()
        .forEach(
            (key, value) -> {
              encoded.add(key);
              encoded.add(value);
            });
    return encoded.toArray(new String[0]);
  }

  static SpanContext decode(String[] encoded) {
    if (encoded == null || encoded.length < 4) {
      return SpanContext.getInvalid();
    }
    TraceStateBuilder state = TraceState.builder();
    // The builder puts each entry in front: add them last to first to keep the order.
    for (int i = encoded.length - 2; i >= 4; i -= 2) {
      state.put(encoded[i], encoded[i + 1]);
    }
    TraceFlags flags = TraceFlags.fromHex(encoded[2], 0);
    return "remote".equals(encoded[3])
        ? SpanContext.createFromRemoteParent(encoded[0], encoded[1], flags, state.build())
        : SpanContext.create(encoded[0], encoded[1], flags, state.build());
  }

  /** Type name, key, value, repeated; lists are copied as lists. */
  static Object[] encode(Attributes attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return null;
    }
    final List<Object> encoded = new ArrayList<>(attributes.size() * 3);
    attributes.forEach(
        (key, value) -> {
          encoded.add(key.getType().name());
          encoded.add(key.getKey());
          encoded.add(value);
        });
    return encoded.toArray();
  }
}
