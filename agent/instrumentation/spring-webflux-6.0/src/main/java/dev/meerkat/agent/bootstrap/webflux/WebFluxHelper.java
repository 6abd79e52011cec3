package dev.meerkat.agent.bootstrap.webflux;

/**
 * Implemented by the helper class defined next to the application's Reactor and Spring: wraps the
 * request's {@code Mono<Void>}.
 */
public interface WebFluxHelper {
  Object wrap(Object call, Object mono, Object response);

  /**
   * {@code request} decorated so its body's signals arrive in the call's context (the handler that
   * waits for the body runs then).
   */
  Object decorate(Object call, Object request);
}
