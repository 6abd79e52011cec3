package dev.meerkat.agent.tooling;

import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicBoolean;

/** One traced HTTP client call: its span, the context to inject and make current, its end. */
public final class HttpClientCall {
  private final HttpClientTelemetry telemetry;
  private final Span span;
  private final AttributesBuilder metricAttributes;
  private final long startNanos;
  private final AtomicBoolean ended = new AtomicBoolean();
  Context context;

  HttpClientCall(
      HttpClientTelemetry telemetry, Span span, AttributesBuilder metricAttributes, long start) {
    this.telemetry = telemetry;
    this.span = span;
    this.metricAttributes = metricAttributes;
    this.startNanos = start;
  }

  public Span span() {
    return span;
  }

  /** The context carrying this call's span: inject it into the request's headers. */
  public Context context() {
    return context;
  }

  /**
   * Ends the call once (later calls do nothing): a status of 400 or more, or an error, marks the
   * span as failed (semconv, client side). {@code status} < 0 means no response.
   */
  public void end(int status, Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    String errorType = HttpOutcome.apply(span, status, error, 400);
    if (status > 0) {
      metricAttributes.put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
    }
    if (errorType != null) {
      metricAttributes.put(HttpAttributes.ERROR_TYPE, errorType);
    }
    telemetry.record(seconds, metricAttributes.build());
    span.end();
  }
}
