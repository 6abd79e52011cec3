package dev.meerkat.agent.instrumentation.apachehttpclient.v4_3;

import dev.meerkat.agent.bootstrap.apachehttpclient4.ApacheHttpClient4Hook;
import dev.meerkat.agent.tooling.SyncHttpClientTracing;

/** The {@link ApacheHttpClient4Hook}, delegating to {@link SyncHttpClientTracing}. */
final class ApacheHttpClient4Tracer implements ApacheHttpClient4Hook {
  private final SyncHttpClientTracing tracing;

  ApacheHttpClient4Tracer(SyncHttpClientTracing tracing) {
    this.tracing = tracing;
  }

  @Override
  public Object start(String method, String url, String host, int port, String scheme) {
    return tracing.start(method, url, host, port, scheme);
  }

  @Override
  public String[] headers(Object call) {
    return tracing.headers(call);
  }

  @Override
  public void activate(Object call) {
    tracing.activate(call);
  }

  @Override
  public void end(Object call, int status, Throwable error) {
    tracing.end(call, status, error);
  }
}
