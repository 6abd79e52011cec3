package dev.meerkat.agent.instrumentation.javahttpclient;

import dev.meerkat.agent.bootstrap.javahttpclient.HttpClientHook;
import dev.meerkat.agent.tooling.HttpClientCall;
import dev.meerkat.agent.tooling.HttpClientTelemetry;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;

/** The {@link HttpClientHook}: one CLIENT call per send, the request copied with trace headers. */
final class HttpClientTracer implements HttpClientHook {
  private final InstrumentationContext context;
  private final HttpClientTelemetry telemetry;
  private final RequestCopier copier;

  HttpClientTracer(InstrumentationContext context) {
    this.context = context;
    this.telemetry = HttpClientTelemetry.create(context);
    TextMapPropagator propagator = context.openTelemetry().getPropagators().getTextMapPropagator();
    this.copier = new RequestCopier(propagator, context.logger());
  }

  @Override
  public Object start(Object original) {
    if (!context.isActive()) {
      return null;
    }
    try {
      HttpRequest request = (HttpRequest) original;
      URI uri = request.uri();
      HttpClientCall call =
          telemetry.start(
              Context.current(),
              request.method(),
              uri.toString(),
              uri.getHost(),
              uri.getPort(),
              uri.getScheme());
      return call == null ? null : new Call(call, copier.withHeaders(request, call.context()));
    } catch (RuntimeException e) {
      context.fail(e);
      return null;
    }
  }

  @Override
  public Object request(Object call) {
    return ((Call) call).request;
  }

  @Override
  public void end(Object call, Object response, Throwable error) {
    int status = response == null ? -1 : ((HttpResponse<?>) response).statusCode();
    ((Call) call).call.end(status, error);
  }

  @Override
  public void endWhenDone(Object call, Object future) {
    @SuppressWarnings("unchecked")
    CompletableFuture<Object> completable = (CompletableFuture<Object>) future;
    completable.whenComplete((Call) call);
  }

  /** The traced call and its request; also the completion callback of sendAsync. */
  private final class Call implements BiConsumer<Object, Throwable> {
    final HttpClientCall call;
    final HttpRequest request;

    Call(HttpClientCall call, HttpRequest request) {
      this.call = call;
      this.request = request;
    }

    @Override
    public void accept(Object response, Throwable error) {
      end(this, response, unwrap(error));
    }
  }

  /** CompletableFuture wraps the real failure in a CompletionException. */
  private static Throwable unwrap(Throwable error) {
    if (error instanceof CompletionException && error.getCause() != null) {
      return error.getCause();
    }
    return error;
  }
}
