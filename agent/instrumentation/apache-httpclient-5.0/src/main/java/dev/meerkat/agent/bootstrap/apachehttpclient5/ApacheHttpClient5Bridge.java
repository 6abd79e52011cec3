package dev.meerkat.agent.bootstrap.apachehttpclient5;

import dev.meerkat.agent.bootstrap.CallDepth;

/** Bootstrap-zone state of the apache-httpclient-5 instrumentation, read by its advice. */
public final class ApacheHttpClient5Bridge {
  /** Null until the module is activated: advice running before that is a no-op. */
  public static volatile ApacheHttpClient5Hook hook;

  /** A client class delegating to another instrumented one's doExecute: one span. */
  public static final CallDepth DEPTH = new CallDepth();

  private ApacheHttpClient5Bridge() {}
}
