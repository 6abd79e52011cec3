package dev.meerkat.agent.instrumentation.jdkhttpserver;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import dev.meerkat.agent.tooling.HttpServerCall;
import dev.meerkat.agent.tooling.HttpServerRequest;
import dev.meerkat.agent.tooling.HttpServerTelemetry;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * Starts a SERVER span around the rest of the chain, with the remote parent taken from the
 * propagation headers. Exceptions are rethrown as is.
 */
final class TracingFilter extends Filter {
  private static final TextMapGetter<HttpExchange> GETTER =
      new TextMapGetter<HttpExchange>() {
        @Override
        public String get(HttpExchange exchange, String key) {
          return exchange == null ? null : exchange.getRequestHeaders().getFirst(key);
        }
      };

  private final InstrumentationContext context;
  private final HttpServerTelemetry telemetry;
  private final TextMapPropagator propagator;

  TracingFilter(InstrumentationContext context) {
    this.context = context;
    this.telemetry = HttpServerTelemetry.create(context);
    this.propagator = context.openTelemetry().getPropagators().getTextMapPropagator();
  }

  @Override
  public String description() {
    return "Meerkat tracing";
  }

  @Override
  public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
    HttpServerCall call = start(exchange);
    if (call == null) {
      chain.doFilter(exchange);
      return;
    }
    Throwable error = null;
    Scope scope = call.context().makeCurrent();
    try {
      chain.doFilter(exchange);
    } catch (IOException | RuntimeException | Error e) {
      error = e;
      throw e;
    } finally {
      scope.close();
      call.end(exchange.getResponseCode(), error);
    }
  }

  /** The call, or null when the instrumentation is off or failed (the exchange goes on). */
  private HttpServerCall start(HttpExchange exchange) {
    if (!context.isActive()) {
      return null;
    }
    try {
      Context parent = propagator.extract(Context.root(), exchange, GETTER);
      String host = exchange.getRequestHeaders().getFirst("Host");
      InetSocketAddress local = exchange.getLocalAddress();
      InetSocketAddress remote = exchange.getRemoteAddress();
      HttpServerRequest request =
          HttpServerRequest.create(exchange.getRequestMethod())
              .route(exchange.getHttpContext().getPath())
              .scheme(exchange instanceof HttpsExchange ? "https" : "http")
              .path(exchange.getRequestURI().getRawPath())
              .query(exchange.getRequestURI().getRawQuery())
              .server(
                  host == null ? local.getHostString() : stripPort(host),
                  hostPort(host, local.getPort()))
              .clientAddress(remote == null ? null : remote.getAddress().getHostAddress())
              .userAgent(exchange.getRequestHeaders().getFirst("User-Agent"));
      return telemetry.start(parent, request);
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
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
