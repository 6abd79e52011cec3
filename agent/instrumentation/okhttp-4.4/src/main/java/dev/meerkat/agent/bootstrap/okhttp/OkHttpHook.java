package dev.meerkat.agent.bootstrap.okhttp;

/** Traces OkHttp calls; the advice reads OkHttp's types and passes plain values. */
public interface OkHttpHook {
  /** Starts a client span; returns the call state, or null when not traced. */
  Object start(String method, String url, String host, int port, String scheme);

  /** The trace headers of the call as name, value pairs. */
  String[] headers(Object call);

  /** Makes the call's context current until {@link #end}. */
  void activate(Object call);

  /** Ends the call: {@code status} < 0 means no response. */
  void end(Object call, int status, Throwable error);

  /** Remembers the caller's context for an enqueued RealCall. */
  void enqueued(Object realCall);

  /** Makes the enqueuing caller's context current on the dispatcher thread; returns the scope. */
  Object resume(Object realCall);

  /** Closes what {@link #resume} returned. */
  void suspend(Object scope);
}
