package dev.meerkat.agent.bootstrap.webflux;

/**
 * Traces WebFlux requests. The advice reads Spring's request into plain values; the helper Mono
 * (defined next to the application's Reactor) reads the response and the exchange when the request
 * ends. Calls, scopes and Spring objects cross as {@code Object}.
 */
public interface WebFluxHook {
  /** The header names the propagator reads. */
  String[] propagationFields();

  /**
   * Starts a server call whose remote parent comes from {@code fieldValues} (the headers of {@link
   * #propagationFields()}, same order, null when absent); null when not traced (off, failed, or
   * already inside a server call).
   */
  Object start(
      String method,
      String scheme,
      String path,
      String query,
      String serverAddress,
      int serverPort,
      String clientAddress,
      String userAgent,
      String[] fieldValues);

  /** Makes the call's context current; returns what {@link #exit} takes. */
  Object enter(Object call);

  void exit(Object scope);

  /**
   * The current context when it is worth carrying to another thread (a Reactor task scheduled now),
   * else null.
   */
  Object capture();

  /** Makes a {@link #capture captured} context current; returns what {@link #exit} takes. */
  Object attach(Object captured);

  /** Keeps the exchange of the call whose context is current, to read the route at the end. */
  void exchangeCreated(Object exchange);

  /** The exchange {@link #exchangeCreated} kept for {@code call}, or null. */
  Object exchange(Object call);

  /**
   * {@code mono} (the {@code Mono<Void>} of the whole request) wrapped so it subscribes in the
   * call's context and ends the call when it terminates or is cancelled.
   */
  Object wrap(Class<?> adapterClass, Object call, Object mono, Object response);

  /**
   * {@code request} (a {@code ServerHttpRequest}) decorated so the handler that waits for its body
   * runs in the call's context; {@code request} itself when that fails.
   */
  Object decorate(Class<?> adapterClass, Object call, Object request);

  /**
   * Ends the call once. {@code route} is the matched template or null; {@code error} the handled or
   * unhandled exception or null; {@code status} < 0 when no response was sent.
   */
  void end(Object call, int status, String route, Throwable error);
}
