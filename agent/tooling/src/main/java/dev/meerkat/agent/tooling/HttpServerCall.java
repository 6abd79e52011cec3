package dev.meerkat.agent.tooling;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import java.util.concurrent.atomic.AtomicBoolean;

/** One traced server request: its span and context, its route once known, its end. */
public final class HttpServerCall {
  private final HttpServerTelemetry telemetry;
  private final Span span;
  private final String method;
  private final String scheme;
  private final long startNanos;
  private final AtomicBoolean ended = new AtomicBoolean();
  private volatile String route;
  Context context;

  HttpServerCall(
      HttpServerTelemetry telemetry,
      Span span,
      String method,
      HttpServerRequest request,
      long startNanos) {
    this.telemetry = telemetry;
    this.span = span;
    this.method = method;
    this.scheme = request.scheme;
    this.route = request.route;
    this.startNanos = startNanos;
  }

  static String spanName(String method, String route) {
    String name = method.equals("_OTHER") ? "HTTP" : method;
    return route == null ? name : name + " " + route;
  }

  public Span span() {
    return span;
  }

  /** The context carrying this call's span: make it current while the request is handled. */
  public Context context() {
    return context;
  }

  /** The route template, or null while unknown. */
  public String route() {
    return route;
  }

  /**
   * Names the request by its route template ({@code /owners/{ownerId}}), never the raw path: the
   * span becomes {@code METHOD route} and {@code http.route} is set. The innermost framework that
   * knows the route calls this; a later call wins.
   */
  public void route(String template) {
    if (template == null || template.isEmpty()) {
      return;
    }
    this.route = template;
    span.setAttribute(HttpAttributes.HTTP_ROUTE, template);
    span.updateName(spanName(method, template));
  }

  /**
   * Ends the request once (later calls do nothing). Only a 5xx or an exception marks it as failed
   * (semconv, server side). {@code status} < 0 means none was sent.
   */
  public void end(int status, Throwable error) {
    if (!ended.compareAndSet(false, true)) {
      return;
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    String errorType = HttpOutcome.apply(span, status, error, 500);
    AttributesBuilder attributes =
        Attributes.builder().put(HttpAttributes.HTTP_REQUEST_METHOD, method);
    if (scheme != null) {
      attributes.put(HttpAttributes.URL_SCHEME, scheme);
    }
    if (route != null) {
      attributes.put(HttpAttributes.HTTP_ROUTE, route);
    }
    if (status > 0) {
      attributes.put(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
    }
    if (errorType != null) {
      attributes.put(HttpAttributes.ERROR_TYPE, errorType);
    }
    telemetry.record(seconds, attributes.build());
    span.end();
  }
}
