package dev.meerkat.agent.instrumentation.javahttpclient;

import dev.meerkat.agent.tooling.AgentLogger;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * HttpRequest is immutable, so trace headers go into a copy. Only Java 11 API is used (the copying
 * {@code newBuilder(HttpRequest, BiPredicate)} is 16+). If the copy cannot be made (a restricted
 * header the original was allowed to carry, say), the original is sent without trace headers rather
 * than failing the application's call, and that is reported once with a WARN.
 */
final class RequestCopier {
  private static final TextMapSetter<HttpRequest.Builder> SETTER =
      (builder, key, value) -> builder.setHeader(key, value);

  private final TextMapPropagator propagator;
  private final AgentLogger logger;
  private final AtomicBoolean failureReported = new AtomicBoolean();

  RequestCopier(TextMapPropagator propagator, AgentLogger logger) {
    this.propagator = propagator;
    this.logger = logger;
  }

  /** GET and DELETE without a body stay body-less, so no "Content-Length: 0" is added. */
  private static void copyMethod(HttpRequest request, HttpRequest.Builder builder) {
    String method = request.method();
    if (request.bodyPublisher().isPresent()) {
      builder.method(method, request.bodyPublisher().get());
    } else if (method.equals("GET")) {
      builder.GET();
    } else if (method.equals("DELETE")) {
      builder.DELETE();
    } else {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    }
  }

  HttpRequest withHeaders(HttpRequest request, Context context) {
    try {
      HttpRequest.Builder builder = HttpRequest.newBuilder(request.uri());
      copyMethod(request, builder);
      for (Map.Entry<String, List<String>> header : request.headers().map().entrySet()) {
        for (String value : header.getValue()) {
          builder.header(header.getKey(), value);
        }
      }
      request.timeout().ifPresent(builder::timeout);
      request.version().ifPresent(builder::version);
      builder.expectContinue(request.expectContinue());
      propagator.inject(context, builder, SETTER);
      return builder.build();
    } catch (RuntimeException e) {
      if (failureReported.compareAndSet(false, true)) {
        logger.warn(
            "java.net.http request to "
                + request.uri().getHost()
                + " sent without trace headers (they could not be added to a copy: "
                + e
                + "); the downstream service starts a new trace. Reported once.");
      }
      return request;
    }
  }
}
