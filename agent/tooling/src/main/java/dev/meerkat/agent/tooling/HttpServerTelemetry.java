package dev.meerkat.agent.tooling;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * SERVER spans and the {@code http.server.request.duration} histogram for every HTTP server
 * instrumentation. The histogram is recorded for every request whatever the sampling decision, so
 * RED stays exact when traces are sampled. The call is stored in its context, so a framework
 * instrumentation further down (Spring MVC, say) can name it by route.
 */
public final class HttpServerTelemetry {
  static final ContextKey<HttpServerCall> CALL_KEY = ContextKey.named("meerkat-http-server-call");

  private final Tracer tracer;
  private final DoubleHistogram duration;

  private HttpServerTelemetry(Tracer tracer, DoubleHistogram duration) {
    this.tracer = tracer;
    this.duration = duration;
  }

  public static HttpServerTelemetry create(InstrumentationContext context) {
    DoubleHistogram duration =
        context
            .meter()
            .histogramBuilder("http.server.request.duration")
            .setUnit("s")
            .setDescription("Duration of HTTP server requests.")
            .setExplicitBucketBoundariesAdvice(HttpAttributes.DURATION_BUCKETS)
            .build();
    return new HttpServerTelemetry(context.tracer(), duration);
  }

  /** The server call {@code context} belongs to, or null. */
  public static HttpServerCall current(Context context) {
    return context.get(CALL_KEY);
  }

  /**
   * Starts a SERVER span for a request whose remote parent (if any) was extracted into {@code
   * parent}. Named {@code METHOD route} when the route is known now, else {@code METHOD} until
   * {@link HttpServerCall#route} names it.
   */
  public HttpServerCall start(Context parent, HttpServerRequest request) {
    String method = HttpAttributes.knownMethod(request.method);
    Span span =
        tracer
            .spanBuilder(HttpServerCall.spanName(method, request.route))
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAllAttributes(request.spanAttributes())
            .startSpan();
    HttpServerCall call = new HttpServerCall(this, span, method, request, System.nanoTime());
    call.context = parent.with(span).with(CALL_KEY, call);
    return call;
  }

  void record(double seconds, Attributes attributes) {
    duration.record(seconds, attributes);
  }
}
