package dev.meerkat.agent.bootstrap.apachehttpclient4;

/** Traces Apache HttpClient 4 executions; the advice reads the library's types. */
public interface ApacheHttpClient4Hook {
  /** Starts a client span; returns the call state, or null when not traced. */
  Object start(String method, String url, String host, int port, String scheme);

  /** The trace headers of the call as name, value pairs. */
  String[] headers(Object call);

  /** Makes the call's context current until {@link #end}. */
  void activate(Object call);

  /** Ends the call: {@code status} < 0 means no response. */
  void end(Object call, int status, Throwable error);
}
