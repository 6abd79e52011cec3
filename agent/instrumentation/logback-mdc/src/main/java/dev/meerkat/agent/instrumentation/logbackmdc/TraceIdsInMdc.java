package dev.meerkat.agent.instrumentation.logbackmdc;

import dev.meerkat.agent.bootstrap.logbackmdc.LogbackMdcHook;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** The {@link LogbackMdcHook}: the current span's ids, or nothing outside spans. */
final class TraceIdsInMdc implements LogbackMdcHook {
  private final InstrumentationContext context;

  TraceIdsInMdc(InstrumentationContext context) {
    this.context = context;
  }

  @Override
  public Map<String, String> withTraceIds(Map<String, String> mdc) {
    if (!context.isActive()) {
      return mdc;
    }
    try {
      SpanContext span = Span.current().getSpanContext();
      if (!span.isValid()) {
        return mdc;
      }
      Map<String, String> withIds = new HashMap<>(mdc == null ? 3 : mdc.size() + 3);
      if (mdc != null) {
        withIds.putAll(mdc);
      }
      withIds.put("trace_id", span.getTraceId());
      withIds.put("span_id", span.getSpanId());
      withIds.put("trace_flags", span.getTraceFlags().asHex());
      // Logback hands out the MDC map read-only; so do we.
      return Collections.unmodifiableMap(withIds);
    } catch (Throwable t) {
      context.fail(t);
      return mdc;
    }
  }
}
