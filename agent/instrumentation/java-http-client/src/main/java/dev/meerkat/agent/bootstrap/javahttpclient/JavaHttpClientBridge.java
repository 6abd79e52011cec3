package dev.meerkat.agent.bootstrap.javahttpclient;

import dev.meerkat.agent.bootstrap.CallDepth;

/** Bootstrap-zone state of the java-http-client instrumentation, read by its advice. */
public final class JavaHttpClientBridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile HttpClientHook hook;

  /** One client call = one span: send delegates to sendAsync, and 2-arg sendAsync to 3-arg. */
  public static final CallDepth DEPTH = new CallDepth();

  private JavaHttpClientBridge() {}
}
