package dev.meerkat.agent.instrumentation.javahttpclient;

import dev.meerkat.agent.bootstrap.HttpClientHook;
import dev.meerkat.agent.tooling.HttpSpans;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/** The {@link HttpClientHook}: starts CLIENT spans named by the method, as semconv says. */
final class HttpClientTracer implements HttpClientHook {
  private final Tracer tracer;
  private final TextMapPropagator propagator;

  HttpClientTracer(OpenTelemetry openTelemetry, String version) {
    this.tracer = openTelemetry.getTracer("dev.meerkat.agent.java-http-client", version);
    this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
  }

  @Override
  public Object start(Object original) {
    HttpRequest request = (HttpRequest) original;
    URI uri = request.uri();
    String method = request.method();
    Span span =
        HttpSpans.startClient(
            tracer, method, uri.toString(), uri.getHost(), uri.getPort(), uri.getScheme());
    Context context = Context.current().with(span);
    return new Call(span, RequestCopier.withHeaders(request, context, propagator));
  }

  @Override
  public Object request(Object call) {
    return ((Call) call).request;
  }

  @Override
  public void end(Object call, Object response, Throwable error) {
    int status = response == null ? -1 : ((HttpResponse<?>) response).statusCode();
    HttpSpans.endClient(((Call) call).span, status, error);
  }

  @Override
  public void endWhenDone(Object call, Object future) {
    @SuppressWarnings("unchecked")
    CompletableFuture<Object> completable = (CompletableFuture<Object>) future;
    completable.whenComplete((Call) call);
  }

  /** Span and request of one call; also the completion callback of sendAsync. */
  private final class Call implements BiConsumer<Object, Throwable> {
    final Span span;
    final HttpRequest request;

    Call(Span span, HttpRequest request) {
      this.span = span;
      this.request = request;
    }

    @Override
    public void accept(Object response, Throwable error) {
      end(this, response, unwrap(error));
    }
  }

  /** CompletableFuture wraps the real failure in a CompletionException. */
  private static Throwable unwrap(Throwable error) {
    if (error instanceof java.util.concurrent.CompletionException && error.getCause() != null) {
      return error.getCause();
    }
    return error;
  }
}
