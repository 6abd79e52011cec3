package dev.meerkat.agent.instrumentation.springwebmvc;

import dev.meerkat.agent.bootstrap.springwebmvc.RouteHook;
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
      HttpServerCall call = HttpServerTelemetry.current(Context.current());
      if (call != null) {
        call.route(pattern.toString());
      }
    } catch (RuntimeException e) {
      context.fail(e);
    }
  }
}
