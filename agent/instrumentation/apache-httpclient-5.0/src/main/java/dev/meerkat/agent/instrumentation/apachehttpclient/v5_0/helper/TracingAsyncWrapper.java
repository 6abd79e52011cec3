package dev.meerkat.agent.instrumentation.apachehttpclient.v5_0.helper;

import dev.meerkat.agent.bootstrap.apachehttpclient5.AsyncWrapper;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;

/** Helper class defined next to the application's HttpClient 5 (never in the agent's loader). */
public final class TracingAsyncWrapper implements AsyncWrapper {
  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Object[] wrap(
      Object state, Object target, Object producer, Object consumer, Object callback) {
    return new Object[] {
      new TracingProducer(state, (HttpHost) target, (AsyncRequestProducer) producer),
      new TracingConsumer(state, (AsyncResponseConsumer) consumer),
      new TracingCallback(state, (FutureCallback) callback)
    };
  }
}
