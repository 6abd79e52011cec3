package dev.meerkat.agent.tooling;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;

/** Stable HTTP semantic-convention attributes and status rules shared by the instrumentations. */
public final class HttpSpans {
  public static final AttributeKey<String> HTTP_REQUEST_METHOD =
      AttributeKey.stringKey("http.request.method");
  public static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE =
      AttributeKey.longKey("http.response.status_code");
  public static final AttributeKey<String> HTTP_ROUTE = AttributeKey.stringKey("http.route");
  public static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
  public static final AttributeKey<String> URL_PATH = AttributeKey.stringKey("url.path");
  public static final AttributeKey<String> URL_SCHEME = AttributeKey.stringKey("url.scheme");
  public static final AttributeKey<String> SERVER_ADDRESS =
      AttributeKey.stringKey("server.address");
  public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  private HttpSpans() {}

  /**
   * Starts a CLIENT span named by the method (semconv), as a child of the current context.
   *
   * @param port the URL's port, or -1 for the scheme's default
   */
  public static Span startClient(
      Tracer tracer, String method, String url, String host, int port, String scheme) {
    return tracer
        .spanBuilder(method)
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(HTTP_REQUEST_METHOD, method)
        .setAttribute(URL_FULL, url)
        .setAttribute(SERVER_ADDRESS, host)
        .setAttribute(SERVER_PORT, port(port, scheme))
        .startSpan();
  }

  /** Client side: a status of 400 or more is an error (semconv). {@code status} < 0: none. */
  public static void endClient(Span span, int status, Throwable error) {
    end(span, status, error, 400);
  }

  /** Server side: only 5xx is an error; 4xx is the client's fault (semconv). */
  public static void endServer(Span span, int status, Throwable error) {
    end(span, status, error, 500);
  }

  private static void end(Span span, int status, Throwable error, int errorFrom) {
    if (status > 0) {
      span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) status);
    }
    if (error != null) {
      span.setAttribute(ERROR_TYPE, error.getClass().getName());
      span.recordException(error);
      span.setStatus(StatusCode.ERROR);
    } else if (status >= errorFrom) {
      span.setAttribute(ERROR_TYPE, String.valueOf(status));
      span.setStatus(StatusCode.ERROR);
    }
    span.end();
  }

  /** The port, or the scheme's default port when the URI has none. */
  public static long port(int port, String scheme) {
    if (port > 0) {
      return port;
    }
    return "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }
}
