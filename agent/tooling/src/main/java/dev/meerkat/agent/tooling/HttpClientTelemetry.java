package dev.meerkat.agent.tooling;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;

/**
 * CLIENT spans and the {@code http.client.request.duration} histogram for every HTTP client
 * instrumentation. The histogram is recorded for every call whatever the sampling decision, so
 * rates and latencies stay exact when traces are sampled. A call started while another HTTP client
 * call is current (one instrumented client wrapping another) is not traced twice: {@link #start}
 * returns null.
 */
public final class HttpClientTelemetry {
  private static final ContextKey<HttpClientCall> CALL_KEY =
      ContextKey.named("meerkat-http-client-call");

  private final Tracer tracer;
  private final DoubleHistogram duration;

  private HttpClientTelemetry(Tracer tracer, DoubleHistogram duration) {
    this.tracer = tracer;
    this.duration = duration;
  }

  public static HttpClientTelemetry create(InstrumentationContext context) {
    DoubleHistogram duration =
        context
            .meter()
            .histogramBuilder("http.client.request.duration")
            .setUnit("s")
            .setDescription("Duration of HTTP client requests.")
            .setExplicitBucketBoundariesAdvice(HttpAttributes.DURATION_BUCKETS)
            .build();
    return new HttpClientTelemetry(context.tracer(), duration);
  }

  /** True when {@code context} is inside an HTTP client call already. */
  public static boolean insideClientCall(Context context) {
    return context.get(CALL_KEY) != null;
  }

  /**
   * Starts a CLIENT span named by the method (semconv), child of {@code parent}; null when {@code
   * parent} is inside another HTTP client call.
   *
   * @param port the URL's port, or -1 for the scheme's default
   */
  public HttpClientCall start(
      Context parent, String method, String url, String host, int port, String scheme) {
    if (insideClientCall(parent)) {
      return null;
    }
    long serverPort = HttpAttributes.port(port, scheme);
    Span span =
        tracer
            .spanBuilder(HttpAttributes.knownMethod(method).equals("_OTHER") ? "HTTP" : method)
            .setParent(parent)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(HttpAttributes.HTTP_REQUEST_METHOD, method)
            .setAttribute(HttpAttributes.URL_FULL, url)
            .setAttribute(HttpAttributes.SERVER_ADDRESS, host)
            .setAttribute(HttpAttributes.SERVER_PORT, serverPort)
            .startSpan();
    AttributesBuilder metricAttributes =
        Attributes.builder()
            .put(HttpAttributes.HTTP_REQUEST_METHOD, HttpAttributes.knownMethod(method))
            .put(HttpAttributes.SERVER_PORT, serverPort);
    if (host != null) {
      metricAttributes.put(HttpAttributes.SERVER_ADDRESS, host);
    }
    HttpClientCall call = new HttpClientCall(this, span, metricAttributes, System.nanoTime());
    call.context = parent.with(span).with(CALL_KEY, call);
    return call;
  }

  void record(double seconds, Attributes attributes) {
    duration.record(seconds, attributes);
  }
}
