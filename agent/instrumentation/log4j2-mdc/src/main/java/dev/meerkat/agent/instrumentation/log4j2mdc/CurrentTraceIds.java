package dev.meerkat.agent.instrumentation.log4j2mdc;

import dev.meerkat.agent.bootstrap.log4j2mdc.Log4j2MdcHook;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/** The {@link Log4j2MdcHook}: the current span's ids, or nothing outside spans. */
final class CurrentTraceIds implements Log4j2MdcHook {
  private final InstrumentationContext context;

  CurrentTraceIds(InstrumentationContext context) {
    this.context = context;
  }

  @Override
  public String[] currentIds() {
    if (!context.isActive()) {
      return null;
    }
    try {
      SpanContext span = Span.current().getSpanContext();
      if (!span.isValid()) {
        return null;
      }
      return new String[] {span.getTraceId(), span.getSpanId(), span.getTraceFlags().asHex()};
    } catch (Throwable t) {
      context.fail(t);
      return null;
    }
  }
}
