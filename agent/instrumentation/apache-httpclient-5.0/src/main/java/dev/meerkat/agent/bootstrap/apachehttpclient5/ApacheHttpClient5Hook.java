package dev.meerkat.agent.bootstrap.apachehttpclient5;

/** Traces Apache HttpClient 5 executions; the advice and helpers read the library's types. */
public interface ApacheHttpClient5Hook {
  /** Starts a client span; returns the call state, or null when not traced. */
  Object start(String method, String url, String host, int port, String scheme);

  /** The trace headers of the call as name, value pairs. */
  String[] headers(Object call);

  /** Makes the call's context current until {@link #end}. */
  void activate(Object call);

  /** Ends the call: {@code status} < 0 means no response. */
  void end(Object call, int status, Throwable error);

  /**
   * The {@link AsyncWrapper} for the async client class {@code clientClass} (a helper defined next
   * to the application's HttpClient), or null.
   */
  Object asyncWrapper(Class<?> clientClass);

  /** The state of an async execution made in the current context; null when not traced. */
  Object asyncStart();

  /** Starts the async execution's span as its request is sent; returns the headers to set. */
  String[] asyncRequest(
      Object state, String method, String url, String host, int port, String scheme);

  /** The response status of the async execution. */
  void asyncResponse(Object state, int status);

  /** Ends the async execution's span (error null when it completed). */
  void asyncEnd(Object state, Throwable error);
}
