package dev.meerkat.agent.instrumentation.springwebmvc;

import dev.meerkat.agent.bootstrap.springwebmvc.RouteHook;
import dev.meerkat.agent.instrumentation.servlet.ServletRoutes;
import dev.meerkat.agent.tooling.HttpServerCall;
import dev.meerkat.agent.tooling.HttpServerTelemetry;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.context.Context;

/** Sets the route of the server call in the current context (started by a servlet module). */
final class RouteNamer implements RouteHook {
  private final InstrumentationContext context;

  RouteNamer(InstrumentationContext context) {
    this.context = context;
  }

  @Override
  public void route(Object pattern) {
    if (pattern == null || !context.isActive()) {
      return;
    }
    try {
      Context current = Context.current();
      HttpServerCall call = HttpServerTelemetry.current(current);
      if (call != null) {
        // Spring matches relative to the context path and the DispatcherServlet's path mapping.
        call.route(ServletRoutes.prefix(current) + pattern);
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }
}
