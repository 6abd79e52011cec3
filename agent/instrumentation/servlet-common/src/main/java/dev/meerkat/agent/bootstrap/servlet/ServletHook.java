package dev.meerkat.agent.bootstrap.servlet;

/**
 * Traces servlet requests for the advice inlined into {@code Filter.doFilter} and {@code
 * Servlet.service} implementations. Requests and responses are passed as {@code Object}: this
 * interface lives in the bootstrap class loader, which cannot see the servlet API.
 */
public interface ServletHook {
  /**
   * Called by the outermost filter or servlet on a thread. Starts the request's SERVER span (or,
   * for an async dispatch of a traced request, makes its context current) and returns the state to
   * pass to {@link #exit}, or null when there is nothing to do.
   */
  Object enter(Object request, Object response);

  /**
   * Called when that filter or servlet returns or throws: ends the span, or leaves it to the
   * request's async context when one was started.
   */
  void exit(Object state, Object request, Object response, Throwable error);
}
