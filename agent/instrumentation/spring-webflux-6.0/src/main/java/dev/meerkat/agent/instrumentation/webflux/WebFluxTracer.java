package dev.meerkat.agent.instrumentation.webflux;

import dev.meerkat.agent.bootstrap.webflux.WebFluxHelper;
import dev.meerkat.agent.bootstrap.webflux.WebFluxHook;
import dev.meerkat.agent.tooling.HelperClassLoader;
import dev.meerkat.agent.tooling.HttpServerCall;
import dev.meerkat.agent.tooling.HttpServerRequest;
import dev.meerkat.agent.tooling.HttpServerTelemetry;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Arrays;
import java.util.List;

/** The {@link WebFluxHook}: server calls, and the helper Mono per application class loader. */
final class WebFluxTracer implements WebFluxHook {
  private static final ContextKey<WebFluxCall> CALL_KEY = ContextKey.named("meerkat-webflux-call");
  private static final String HELPER =
      "dev.meerkat.agent.instrumentation.webflux.helper.TracingMono";
  private static final String[] HELPERS = {
    HELPER,
    HELPER + "$Factory",
    HELPER + "$Ending",
    HELPER + "$ScheduleDecorator",
    HELPER + "$ContextRunnable",
    HELPER + "$TracingRequest",
    HELPER + "$ContextFlux",
    HELPER + "$ContextSubscriber",
  };

  private final InstrumentationContext context;
  private final HttpServerTelemetry telemetry;
  private final TextMapPropagator propagator;
  private final String[] fields;
  private final TextMapGetter<String[]> getter;
  private final ClassValue<WebFluxHelper> helpers;

  WebFluxTracer(final InstrumentationContext context) {
    this.context = context;
    this.telemetry = HttpServerTelemetry.create(context);
    this.propagator = context.openTelemetry().getPropagators().getTextMapPropagator();
    this.fields = propagator.fields().toArray(new String[0]);
    final List<String> fieldList = Arrays.asList(fields);
    this.getter =
        new TextMapGetter<String[]>() {
          @Override
          public Iterable<String> keys(String[] values) {
            return fieldList;
          }

          @Override
          public String get(String[] values, String key) {
            int index = values == null ? -1 : fieldList.indexOf(key);
            return index < 0 || index >= values.length ? null : values[index];
          }
        };
    final ClassLoader agentLoader = WebFluxTracer.class.getClassLoader();
    // Keyed on the adapter class, so the helper lives with the application's classes.
    this.helpers =
        new ClassValue<WebFluxHelper>() {
          @Override
          protected WebFluxHelper computeValue(Class<?> adapterClass) {
            try {
              return (WebFluxHelper)
                  new HelperClassLoader(adapterClass.getClassLoader(), agentLoader, HELPERS)
                      .newInstance(HELPER + "$Factory");
            } catch (Throwable t) {
              context.fail(t);
              return null;
            }
          }
        };
  }

  @Override
  public String[] propagationFields() {
    return fields;
  }

  @Override
  public Object start(
      String method,
      String scheme,
      String path,
      String query,
      String serverAddress,
      int serverPort,
      String clientAddress,
      String userAgent,
      String[] fieldValues) {
    if (!context.isActive()) {
      return null;
    }
    try {
      if (HttpServerTelemetry.current(Context.current()) != null) {
        return null; // a server instrumentation further out already traces this request
      }
      Context parent = propagator.extract(Context.root(), fieldValues, getter);
      HttpServerRequest request =
          HttpServerRequest.create(method)
              .scheme(scheme)
              .path(path)
              .query(query)
              .server(serverAddress, serverPort)
              .clientAddress(clientAddress)
              .userAgent(userAgent);
      WebFluxCall call = new WebFluxCall(telemetry.start(parent, request));
      call.context = call.server.context().with(CALL_KEY, call);
      return call;
    } catch (Throwable t) {
      context.fail(t);
      return null;
    }
  }

  @Override
  public Object enter(Object call) {
    return ((WebFluxCall) call).context.makeCurrent();
  }

  @Override
  public void exit(Object scope) {
    ((Scope) scope).close();
  }

  @Override
  public Object capture() {
    if (!context.isActive()) {
      return null;
    }
    Context current = Context.current();
    return current == Context.root() ? null : current;
  }

  @Override
  public Object attach(Object captured) {
    return ((Context) captured).makeCurrent();
  }

  @Override
  public void exchangeCreated(Object exchange) {
    WebFluxCall call = Context.current().get(CALL_KEY);
    if (call != null) {
      call.exchange = exchange;
    }
  }

  @Override
  public Object exchange(Object call) {
    return ((WebFluxCall) call).exchange;
  }

  @Override
  public Object wrap(Class<?> adapterClass, Object call, Object mono, Object response) {
    try {
      WebFluxHelper helper = context.isActive() ? helpers.get(adapterClass) : null;
      if (helper != null) {
        return helper.wrap(call, mono, response);
      }
    } catch (Throwable t) {
      context.fail(t);
    }
    end(call, -1, null, null);
    return mono;
  }

  @Override
  public Object decorate(Class<?> adapterClass, Object call, Object request) {
    try {
      WebFluxHelper helper = context.isActive() ? helpers.get(adapterClass) : null;
      if (helper != null) {
        return helper.decorate(call, request);
      }
    } catch (Throwable t) {
      context.fail(t);
    }
    return request;
  }

  @Override
  public void end(Object call, int status, String route, Throwable error) {
    try {
      HttpServerCall server = ((WebFluxCall) call).server;
      server.route(route);
      // A 4xx is the client's fault: its exception (a 404's ResponseStatusException) is no error.
      server.end(status, status >= 500 || status <= 0 ? error : null);
    } catch (Throwable t) {
      context.fail(t);
    }
  }

  /** One traced request: the telemetry call and the exchange Spring made for it. */
  static final class WebFluxCall {
    final HttpServerCall server;
    Context context;
    volatile Object exchange;

    WebFluxCall(HttpServerCall server) {
      this.server = server;
    }
  }
}
