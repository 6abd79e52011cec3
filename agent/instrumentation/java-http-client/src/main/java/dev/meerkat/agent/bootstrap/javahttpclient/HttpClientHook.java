package dev.meerkat.agent.bootstrap.javahttpclient;

/** Traces {@code java.net.http.HttpClient} calls; parameters are {@code java.net.http} types. */
public interface HttpClientHook {
  /** Starts a client span for the HttpRequest; returns the call state, or null when not traced. */
  Object start(Object request);

  /** The HttpRequest to send instead of the original: a copy carrying the trace headers. */
  Object request(Object call);

  /** Ends the span of a synchronous send with its HttpResponse or its exception. */
  void end(Object call, Object response, Throwable error);

  /** Ends the span when the CompletableFuture returned by sendAsync completes. */
  void endWhenDone(Object call, Object future);
}
