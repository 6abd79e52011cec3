package dev.meerkat.agent.instrumentation.servlet;

import dev.meerkat.agent.tooling.HttpServerCall;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * A traced servlet request: kept in a request attribute so that later dispatches of the same
 * request (forward, error page, async dispatch) find it and start no second span.
 */
final class ServletCall {
  final HttpServerCall call;

  /** The call's context with the servlet's route prefix: current while the request is handled. */
  final Context context;

  /** The scope opened by the thread that started the request; closed by that thread. */
  Scope scope;

  private volatile boolean ended;

  ServletCall(HttpServerCall call, String routePrefix) {
    this.call = call;
    this.context = ServletRoutes.withPrefix(call.context(), routePrefix);
  }

  boolean isOpen() {
    return !ended;
  }

  /**
   * Ends the span once. An exception that left the servlet means a 500 whatever the response says:
   * the container sends a 500 for it (or the error page's status, which cannot be seen here).
   */
  void end(int status, Throwable error) {
    ended = true;
    call.end(error != null && status < 500 ? 500 : status, error);
  }
}
