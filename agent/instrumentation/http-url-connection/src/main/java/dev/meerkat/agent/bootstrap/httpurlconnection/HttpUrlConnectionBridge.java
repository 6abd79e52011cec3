package dev.meerkat.agent.bootstrap.httpurlconnection;

import dev.meerkat.agent.bootstrap.CallDepth;

/** Bootstrap-zone state of the http-url-connection instrumentation, read by its advice. */
public final class HttpUrlConnectionBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile UrlConnectionHook hook;

  /** getInputStream calls connect, getResponseCode calls getInputStream, and so on. */
  public static final CallDepth DEPTH = new CallDepth();

  private HttpUrlConnectionBridge() {}
}
