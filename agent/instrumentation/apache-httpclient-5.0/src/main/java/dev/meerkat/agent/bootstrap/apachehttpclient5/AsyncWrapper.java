package dev.meerkat.agent.bootstrap.apachehttpclient5;

/**
 * Implemented by a helper class defined next to the application's HttpClient 5: wraps an async
 * execution's request producer, response consumer and callback so that they report to the hook.
 */
public interface AsyncWrapper {
  /**
   * Returns the producer, consumer and callback to use instead (callback may be null).
   *
   * @param target the execution's HttpHost, or null
   */
  Object[] wrap(Object state, Object target, Object producer, Object consumer, Object callback);
}
