package dev.meerkat.agent.instrumentation.webflux.helper;

import dev.meerkat.agent.bootstrap.webflux.WebFluxBridge;
import dev.meerkat.agent.bootstrap.webflux.WebFluxHelper;
import dev.meerkat.agent.bootstrap.webflux.WebFluxHook;
import java.util.Map;
import java.util.function.Function;
import org.reactivestreams.Subscription;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxOperator;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoOperator;
import reactor.core.scheduler.Schedulers;
import reactor.util.context.Context;

/**
 * Helper class defined next to the application's Reactor and Spring (never in the agent class
 * loader): the request's {@code Mono<Void>}, subscribed with the server call's context current (the
 * handler chain and a controller's synchronous code run then), ending the call on completion, error
 * or cancellation with the response status and the route the exchange matched.
 */
public final class TracingMono extends MonoOperator<Void, Void> {
  /** {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}. */
  static final String PATTERN =
      "org.springframework.web.reactive.HandlerMapping.bestMatchingPattern";

  /** {@code HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE}. */
  static final String HANDLER =
      "org.springframework.web.reactive.HandlerMapping.bestMatchingHandler";

  /** {@code ExceptionHandlingWebHandler.HANDLED_WEB_EXCEPTION}. */
  static final String HANDLED = "ExceptionHandlingWebHandler.handledException";

  static final String RESOURCE_HANDLER =
      "org.springframework.web.reactive.resource.ResourceWebHandler";

  private final Object call;
  private final ServerHttpResponse response;

  TracingMono(Mono<Void> source, Object call, ServerHttpResponse response) {
    super(source);
    this.call = call;
    this.response = response;
  }

  @Override
  public void subscribe(CoreSubscriber<? super Void> actual) {
    WebFluxHook hook = WebFluxBridge.hook;
    if (hook == null) {
      source.subscribe(actual);
      return;
    }
    Object scope = hook.enter(call);
    try {
      source.subscribe(new Ending(actual, hook, call, response));
    } finally {
      hook.exit(scope);
    }
  }

  /**
   * The {@link WebFluxHelper} the agent calls; one instance per application class loader. Made
   * once, it also installs {@link ScheduleDecorator} in that Reactor.
   */
  public static final class Factory implements WebFluxHelper {
    public Factory() {
      Schedulers.onScheduleHook(ScheduleDecorator.KEY, new ScheduleDecorator());
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object wrap(Object call, Object mono, Object response) {
      return new TracingMono((Mono<Void>) mono, call, (ServerHttpResponse) response);
    }

    @Override
    public Object decorate(Object call, Object request) {
      return new TracingRequest((ServerHttpRequest) request, call);
    }
  }

  /**
   * Carries the context current when a task is handed to a Reactor scheduler ({@code subscribeOn},
   * {@code publishOn}, {@code delay}...) to the thread that runs it, so a controller's work moved
   * to {@code boundedElastic} still runs in the server call's context.
   */
  static final class ScheduleDecorator implements Function<Runnable, Runnable> {
    static final String KEY = "meerkat-context";

    @Override
    public Runnable apply(Runnable task) {
      WebFluxHook hook = WebFluxBridge.hook;
      Object captured = hook == null ? null : hook.capture();
      return captured == null ? task : new ContextRunnable(task, hook, captured);
    }
  }

  static final class ContextRunnable implements Runnable {
    private final Runnable task;
    private final WebFluxHook hook;
    private final Object captured;

    ContextRunnable(Runnable task, WebFluxHook hook, Object captured) {
      this.task = task;
      this.hook = hook;
      this.captured = captured;
    }

    @Override
    public void run() {
      Object scope = hook.attach(captured);
      try {
        task.run();
      } finally {
        hook.exit(scope);
      }
    }
  }

  /**
   * The request, its body delivered in the call's context: a handler waiting for the body
   * ({@code @RequestBody}) is invoked from the body's last signal, on a Reactor Netty thread.
   */
  static final class TracingRequest extends ServerHttpRequestDecorator {
    private final Object call;

    TracingRequest(ServerHttpRequest delegate, Object call) {
      super(delegate);
      this.call = call;
    }

    @Override
    public Flux<DataBuffer> getBody() {
      return new ContextFlux<>(super.getBody(), call);
    }
  }

  static final class ContextFlux<T> extends FluxOperator<T, T> {
    private final Object call;

    ContextFlux(Flux<? extends T> source, Object call) {
      super(source);
      this.call = call;
    }

    @Override
    public void subscribe(CoreSubscriber<? super T> actual) {
      WebFluxHook hook = WebFluxBridge.hook;
      if (hook == null) {
        source.subscribe(actual);
        return;
      }
      source.subscribe(new ContextSubscriber<T>(actual, hook, call));
    }
  }

  /** Delivers every signal with the call's context current. */
  static final class ContextSubscriber<T> implements CoreSubscriber<T>, Subscription {
    private final CoreSubscriber<? super T> actual;
    private final WebFluxHook hook;
    private final Object call;
    private Subscription upstream;

    ContextSubscriber(CoreSubscriber<? super T> actual, WebFluxHook hook, Object call) {
      this.actual = actual;
      this.hook = hook;
      this.call = call;
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription s) {
      upstream = s;
      actual.onSubscribe(this);
    }

    @Override
    public void onNext(T value) {
      Object scope = hook.enter(call);
      try {
        actual.onNext(value);
      } finally {
        hook.exit(scope);
      }
    }

    @Override
    public void onError(Throwable t) {
      Object scope = hook.enter(call);
      try {
        actual.onError(t);
      } finally {
        hook.exit(scope);
      }
    }

    @Override
    public void onComplete() {
      Object scope = hook.enter(call);
      try {
        actual.onComplete();
      } finally {
        hook.exit(scope);
      }
    }

    @Override
    public void request(long n) {
      upstream.request(n);
    }

    @Override
    public void cancel() {
      upstream.cancel();
    }
  }

  static final class Ending implements CoreSubscriber<Void>, Subscription {
    private final CoreSubscriber<? super Void> actual;
    private final WebFluxHook hook;
    private final Object call;
    private final ServerHttpResponse response;
    private Subscription upstream;

    Ending(
        CoreSubscriber<? super Void> actual,
        WebFluxHook hook,
        Object call,
        ServerHttpResponse response) {
      this.actual = actual;
      this.hook = hook;
      this.call = call;
      this.response = response;
    }

    @Override
    public Context currentContext() {
      return actual.currentContext();
    }

    @Override
    public void onSubscribe(Subscription s) {
      upstream = s;
      actual.onSubscribe(this);
    }

    @Override
    public void onNext(Void value) {
      actual.onNext(value);
    }

    @Override
    public void onError(Throwable t) {
      end(t, false);
      actual.onError(t);
    }

    @Override
    public void onComplete() {
      end(null, false);
      actual.onComplete();
    }

    @Override
    public void request(long n) {
      upstream.request(n);
    }

    @Override
    public void cancel() {
      upstream.cancel();
      end(null, true);
    }

    private void end(Throwable unhandled, boolean cancelled) {
      try {
        HttpStatusCode code = response.getStatusCode();
        int status = code == null ? (cancelled ? -1 : unhandled == null ? 200 : 500) : code.value();
        String route = null;
        Throwable error = unhandled;
        Object exchange = hook.exchange(call);
        if (exchange instanceof ServerWebExchange) {
          Map<String, Object> attributes = ((ServerWebExchange) exchange).getAttributes();
          Object pattern = attributes.get(PATTERN);
          Object handler = attributes.get(HANDLER);
          // A request no static resource answers is not named by the resource pattern ("/**").
          if (pattern != null
              && !(status == 404
                  && handler != null
                  && handler.getClass().getName().equals(RESOURCE_HANDLER))) {
            route = pattern.toString();
          }
          Object handled = attributes.get(HANDLED);
          if (error == null && handled instanceof Throwable) {
            error = (Throwable) handled;
          }
        }
        hook.end(call, status, route, error);
      } catch (Throwable t) {
        hook.end(call, -1, null, null);
      }
    }
  }
}
