package dev.meerkat.agent.instrumentation.javahttpclient;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

/**
 * HttpRequest is immutable, so trace headers go into a copy. Only Java 11 API is used (the copying
 * {@code newBuilder(HttpRequest, BiPredicate)} is 16+). If the copy cannot be made (a restricted
 * header the original was allowed to carry, say), the original is sent untraced on the wire rather
 * than failing the application's call.
 */
final class RequestCopier {
  private static final TextMapSetter<HttpRequest.Builder> SETTER =
      (builder, key, value) -> builder.setHeader(key, value);

  private RequestCopier() {}

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

  static HttpRequest withHeaders(
      HttpRequest request, Context context, TextMapPropagator propagator) {
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
      return request;
    }
  }
}
