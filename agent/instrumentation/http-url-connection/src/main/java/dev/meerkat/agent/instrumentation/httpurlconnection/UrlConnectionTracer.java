package dev.meerkat.agent.instrumentation.httpurlconnection;

import dev.meerkat.agent.bootstrap.UrlConnectionHook;
import dev.meerkat.agent.tooling.HttpSpans;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
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

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final Map<HttpURLConnection, State> states =
      Collections.synchronizedMap(new WeakHashMap<HttpURLConnection, State>());

  UrlConnectionTracer(OpenTelemetry openTelemetry, String version) {
    this.tracer = openTelemetry.getTracer("dev.meerkat.agent.http-url-connection", version);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  @Override
  public void beforeConnect(Object object, boolean connected) {
    HttpURLConnection connection = (HttpURLConnection) object;
    if (connected || states.containsKey(connection)) {
      return;
    }
    URL url = connection.getURL();
    // getOutputStream turns a GET into a POST; the span is named before that happens.
    String method = connection.getRequestMethod();
    if ("GET".equals(method) && connection.getDoOutput()) {
      method = "POST";
    }
    Span span =
        HttpSpans.startClient(
            tracer, method, url.toString(), url.getHost(), url.getPort(), url.getProtocol());
    propagator.inject(Context.current().with(span), connection, SETTER);
    states.put(connection, new State(span));
  }

  @Override
  public void after(Object object, boolean response, Throwable error) {
    if (error == null && !response) {
      return;
    }
    HttpURLConnection connection = (HttpURLConnection) object;
    State state = states.get(connection);
    if (state == null || !state.markEnded()) {
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
    HttpSpans.endClient(state.span, status, failure);
  }

  private static final class State {
    final Span span;
    private boolean ended;

    State(Span span) {
      this.span = span;
    }

    synchronized boolean markEnded() {
      boolean first = !ended;
      ended = true;
      return first;
    }
  }
}
