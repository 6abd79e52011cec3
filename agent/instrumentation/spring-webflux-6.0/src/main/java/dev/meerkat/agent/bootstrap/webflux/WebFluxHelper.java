package dev.meerkat.agent.bootstrap.webflux;

/**
 * Implemented by the helper class defined next to the application's Reactor and Spring: wraps the
 * request's {@code Mono<Void>}.
 */
public interface WebFluxHelper {
  Object wrap(Object call, Object mono, Object response);
}
