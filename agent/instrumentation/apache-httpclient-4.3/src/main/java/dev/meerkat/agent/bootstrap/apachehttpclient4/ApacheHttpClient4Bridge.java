package dev.meerkat.agent.bootstrap.apachehttpclient4;

import dev.meerkat.agent.bootstrap.CallDepth;

/** Bootstrap-zone state of the apache-httpclient-4 instrumentation, read by its advice. */
public final class ApacheHttpClient4Bridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile ApacheHttpClient4Hook hook;

  /** A client class delegating to another instrumented one's doExecute: one span. */
  public static final CallDepth DEPTH = new CallDepth();

  private ApacheHttpClient4Bridge() {}
}
