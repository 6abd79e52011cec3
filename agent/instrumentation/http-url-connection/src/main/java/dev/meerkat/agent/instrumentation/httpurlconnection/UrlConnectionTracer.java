package dev.meerkat.agent.instrumentation.httpurlconnection;

import dev.meerkat.agent.bootstrap.httpurlconnection.UrlConnectionHook;
import dev.meerkat.agent.tooling.HttpClientCall;
import dev.meerkat.agent.tooling.HttpClientTelemetry;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One CLIENT span per connection: started (and the trace headers set) before the first connect,
 * ended by the first getInputStream or by a failure. The state lives in a weak map because class
 * format changes (an added field) are off; HttpURLConnection has identity equality.
 */
final class UrlConnectionTracer implements UrlConnectionHook {
  private static final TextMapSetter<HttpURLConnection> SETTER =
      (connection, key, value) -> connection.setRequestProperty(key, value);

  private final InstrumentationContext context;
  private final HttpClientTelemetry telemetry;
  private final TextMapPropagator propagator;
  private final Map<HttpURLConnection, HttpClientCall> calls =
      Collections.synchronizedMap(new WeakHashMap<HttpURLConnection, HttpClientCall>());

  UrlConnectionTracer(InstrumentationContext context) {
    this.context = context;
    this.telemetry = HttpClientTelemetry.create(context);
    this.propagator = context.openTelemetry().getPropagators().getTextMapPropagator();
  }

  @Override
  public void beforeConnect(Object object, boolean connected) {
    try {
      start((HttpURLConnection) object, connected);
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }

  private void start(HttpURLConnection connection, boolean connected) {
    if (connected || !context.isActive() || calls.containsKey(connection)) {
      return;
    }
    URL url = connection.getURL();
    // getOutputStream turns a GET into a POST; the span is named before that happens.
    String method = connection.getRequestMethod();
    if ("GET".equals(method) && connection.getDoOutput()) {
      method = "POST";
    }
    HttpClientCall call =
        telemetry.start(
            Context.current(),
            method,
            url.toString(),
            url.getHost(),
            url.getPort(),
            url.getProtocol());
    if (call != null) {
      propagator.inject(call.context(), connection, SETTER);
      calls.put(connection, call);
    }
  }

  @Override
  public void after(Object object, boolean response, Throwable error) {
    if (error == null && !response) {
      return;
    }
    HttpURLConnection connection = (HttpURLConnection) object;
    // The call stays in the map after it ended (end is idempotent): after a 204 the JDK marks the
    // connection as not connected again, and a later getInputStream must not start a second span
    // (nor set headers on a connection that already sent its request).
    HttpClientCall call = calls.get(connection);
    if (call == null) {
      return;
    }
    int status = -1;
    Throwable failure = error;
    if (response) {
      try {
        // For a 4xx/5xx answer getInputStream throws, but the status is there: not a failure.
        // (Only after getInputStream: after a failed connect this would connect again.)
        status = connection.getResponseCode();
        if (status > 0) {
          failure = null;
        }
      } catch (IOException | RuntimeException e) {
        // No response at all: keep the original error.
      }
    }
    call.end(status, failure);
  }
}
