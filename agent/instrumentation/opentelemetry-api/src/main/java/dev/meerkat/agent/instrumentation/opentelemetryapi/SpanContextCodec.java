package dev.meerkat.agent.instrumentation.opentelemetryapi;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.api.trace.TraceStateBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Span contexts as {@code String[]}: trace id, span id, flags (2 hex digits), "remote" or "local",
 * then the trace state's keys and values in order (the same code is in the application's bridge).
 */
final class SpanContextCodec {
  private SpanContextCodec() {}

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

  /** A non-recording span with that context, or null when it is not valid. */
  static Span wrap(String[] encoded) {
    if (encoded == null || encoded.length < 4) {
      return null;
    }
    TraceStateBuilder state = TraceState.builder();
    // The builder puts each entry in front: add them last to first to keep the order.
    for (int i = encoded.length - 2; i >= 4; i -= 2) {
      state.put(encoded[i], encoded[i + 1]);
    }
    TraceFlags flags = TraceFlags.fromHex(encoded[2], 0);
    SpanContext spanContext =
        "remote".equals(encoded[3])
            ? SpanContext.createFromRemoteParent(encoded[0], encoded[1], flags, state.build())
            : SpanContext.create(encoded[0], encoded[1], flags, state.build());
    return spanContext.isValid() ? Span.wrap(spanContext) : null;
  }
}
