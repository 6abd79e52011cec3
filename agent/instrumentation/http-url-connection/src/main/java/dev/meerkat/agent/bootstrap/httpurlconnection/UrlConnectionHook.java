package dev.meerkat.agent.bootstrap.httpurlconnection;

/** Traces {@code java.net.HttpURLConnection}; the connection is passed as {@code Object}. */
public interface UrlConnectionHook {
  /** Called before connect/getOutputStream/getInputStream; starts the span once per connection. */
  void beforeConnect(Object connection, boolean connected);

  /**
   * Called after connect/getOutputStream (response false) or getInputStream (response true). Ends
   * the span on an error, or on the response.
   */
  void after(Object connection, boolean response, Throwable error);
}
