package dev.meerkat.agent.instrumentation.servlet;

import dev.meerkat.agent.bootstrap.servlet.ServletHook;
import dev.meerkat.agent.tooling.HttpServerRequest;
import dev.meerkat.agent.tooling.HttpServerTelemetry;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.lang.reflect.Proxy;

/**
 * One SERVER span per servlet request. The advice calls this only from the outermost filter or
 * servlet on a thread (forwards, includes and nested servlets run inside it); the request attribute
 * {@value #CALL_ATTRIBUTE} marks a request already traced, so a later dispatch of it (an error page
 * after the span ended, an async dispatch) starts no second span. Exceptions are never thrown to
 * the application: a failure here switches the module off.
 */
public final class ServletTracer implements ServletHook {
  static final String CALL_ATTRIBUTE = "dev.meerkat.agent.servlet.call";

  private final InstrumentationContext context;
  private final HttpServerTelemetry telemetry;
  private final TextMapPropagator propagator;
  private final ServletApi api;

  /** {@code servletPackage} is {@code "javax.servlet."} or {@code "jakarta.servlet."}. */
  public ServletTracer(InstrumentationContext context, String servletPackage) {
    this.context = context;
    this.telemetry = HttpServerTelemetry.create(context);
    this.propagator = context.openTelemetry().getPropagators().getTextMapPropagator();
    this.api = new ServletApi(servletPackage);
  }

  @Override
  public Object enter(Object request, Object response) {
    if (!context.isActive() || request == null || response == null) {
      return null;
    }
    try {
      ServletApi.Handles handles = api.handles(request);
      if (handles == null || !handles.responseType.isInstance(response)) {
        return null;
      }
      Object traced = handles.attribute(request, CALL_ATTRIBUTE);
      if (traced != null) {
        return redispatch(handles, request, traced);
      }
      ServletCall call = start(handles, request);
      try {
        handles.setAttribute(request, CALL_ATTRIBUTE, call);
      } catch (Throwable t) {
        call.end(-1, null); // no span left open when the module switches off
        throw t;
      }
      call.scope = call.context.makeCurrent();
      return call;
    } catch (Throwable t) {
      context.fail(t);
      return null;
    }
  }

  /**
   * A traced request dispatched again: an async dispatch runs in the request's context (so a
   * framework below can still name it); an error dispatch does not, its request already ended or
   * named by the handler that failed.
   */
  private static Object redispatch(ServletApi.Handles handles, Object request, Object traced)
      throws Throwable {
    if (!(traced instanceof ServletCall)) {
      return null; // someone else's object under our name
    }
    ServletCall call = (ServletCall) traced;
    if (call.isOpen() && handles.dispatcherType(request).equals("ASYNC")) {
      return call.context.makeCurrent();
    }
    return null;
  }

  private ServletCall start(ServletApi.Handles handles, Object request) throws Throwable {
    Context parent = propagator.extract(Context.root(), request, handles);
    String contextPath = handles.contextPath(request);
    String[] mapping = handles.mapping(request);
    HttpServerRequest server =
        HttpServerRequest.create(handles.method(request))
            .route(ServletRoutes.route(contextPath, mapping))
            .scheme(handles.scheme(request))
            .path(handles.requestUri(request))
            .query(handles.queryString(request))
            .server(handles.serverName(request), handles.serverPort(request))
            .clientAddress(handles.remoteAddr(request))
            .userAgent(handles.header(request, "User-Agent"));
    return new ServletCall(
        telemetry.start(parent, server), ServletRoutes.prefix(contextPath, mapping));
  }

  @Override
  public void exit(Object state, Object request, Object response, Throwable error) {
    if (state instanceof Scope) {
      ((Scope) state).close();
      return;
    }
    if (!(state instanceof ServletCall)) {
      return;
    }
    ServletCall call = (ServletCall) state;
    call.scope.close();
    ServletApi.Handles handles = api.handles(request);
    try {
      if (error == null && handles.isAsyncStarted(request)) {
        Object listener =
            Proxy.newProxyInstance(
                handles.asyncListenerType.getClassLoader(),
                new Class<?>[] {handles.asyncListenerType},
                new AsyncEnd(context, handles, call, response));
        try {
          handles.addListener(handles.asyncContext(request), listener);
          return;
        } catch (IllegalStateException e) {
          // The async context completed already: the request is over, end it now.
        }
      }
      call.end(error == null ? handles.status(response) : -1, unwrap(error));
    } catch (Throwable t) {
      call.end(-1, error);
      context.fail(t);
    }
  }

  /** The cause a ServletException (or Spring's NestedServletException) wraps, else the error. */
  private Throwable unwrap(Throwable error) {
    Throwable current = error;
    while (current != null && current.getCause() != null && isServletException(current)) {
      current = current.getCause();
    }
    return current;
  }

  private boolean isServletException(Throwable error) {
    String name = api.servletPackage() + "ServletException";
    for (Class<?> c = error.getClass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals(name)) {
        return true;
      }
    }
    return false;
  }
}
