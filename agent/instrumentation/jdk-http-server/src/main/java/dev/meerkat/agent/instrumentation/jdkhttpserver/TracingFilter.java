package dev.meerkat.agent.instrumentation.jdkhttpserver;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.meerkat.agent.tooling.HttpSpans;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Starts a SERVER span around the rest of the chain, named {@code <METHOD> <context path>}, with
 * the remote parent taken from the W3C {@code traceparent} header. Exceptions are rethrown as is.
 */
final class TracingFilter extends Filter {
  private static final TextMapGetter<HttpExchange> GETTER =
      new TextMapGetter<HttpExchange>() {
        @Override
        public String get(HttpExchange exchange, String key) {
          return exchange == null ? null : exchange.getRequestHeaders().getFirst(key);
        }
      };

  private final Tracer tracer;
  private final TextMapPropagator propagator;

  TracingFilter(OpenTelemetry openTelemetry, String version) {
    this.tracer = openTelemetry.getTracer("dev.meerkat.agent.jdk-http-server", version);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  @Override
  public String description() {
    return "Meerkat tracing";
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    Span span = start(exchange);
    Throwable error = null;
    Scope scope = span.makeCurrent();
    try {
      chain.doFilter(exchange);
    } catch (IOException | RuntimeException | Error e) {
      error = e;
      throw e;
    } finally {
      scope.close();
      HttpSpans.endServer(span, exchange.getResponseCode(), error);
    }
  }

  private Span start(HttpExchange exchange) {
    Context parent = propagator.extract(Context.root(), exchange, GETTER);
    String method = exchange.getRequestMethod();
    String route = exchange.getHttpContext().getPath();
    String scheme = exchange instanceof HttpsExchange ? "https" : "http";
    InetSocketAddress local = exchange.getLocalAddress();
    String host = exchange.getRequestHeaders().getFirst("Host");
    String address = host == null ? local.getHostString() : stripPort(host);
    long port = hostPort(host, local.getPort());
    return tracer
        .spanBuilder(method + " " + route)
        .setSpanKind(SpanKind.SERVER)
        .setParent(parent)
        .setAttribute(HttpSpans.HTTP_REQUEST_METHOD, method)
        .setAttribute(HttpSpans.HTTP_ROUTE, route)
        .setAttribute(HttpSpans.URL_PATH, exchange.getRequestURI().getRawPath())
        .setAttribute(HttpSpans.URL_SCHEME, scheme)
        .setAttribute(HttpSpans.SERVER_ADDRESS, address)
        .setAttribute(HttpSpans.SERVER_PORT, port)
        .startSpan();
  }

  /** "host:port" or "[v6]:port" without the port. */
  static String stripPort(String host) {
    int colon = host.lastIndexOf(':');
    if (colon < 0 || host.lastIndexOf(']') > colon) {
      return host;
    }
    return host.substring(0, colon);
  }

  static long hostPort(String host, int fallback) {
    if (host == null) {
      return fallback;
    }
    int colon = host.lastIndexOf(':');
    if (colon < 0 || host.lastIndexOf(']') > colon) {
      return fallback;
    }
    try {
      return Long.parseLong(host.substring(colon + 1));
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
