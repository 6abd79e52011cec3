package dev.meerkat.agent.instrumentation.apachehttpclient.v5_0;

import dev.meerkat.agent.bootstrap.apachehttpclient5.ApacheHttpClient5Bridge;
import dev.meerkat.agent.bootstrap.apachehttpclient5.ApacheHttpClient5Hook;
import dev.meerkat.agent.bootstrap.apachehttpclient5.AsyncWrapper;
import net.bytebuddy.asm.Advice;
import org.apache.hc.core5.concurrent.FutureCallback;
import org.apache.hc.core5.http.nio.AsyncRequestProducer;
import org.apache.hc.core5.http.nio.AsyncResponseConsumer;

/**
 * Inlined into the async clients' {@code doExecute(HttpHost, AsyncRequestProducer,
 * AsyncResponseConsumer, HandlerFactory, HttpContext, FutureCallback)}: the producer, consumer and
 * callback are replaced by wrappers that start the span as the request is sent (headers added),
 * note the response status and end the span when the execution completes, fails or is cancelled.
 */
final class AsyncDoExecuteAdvice {
  private AsyncDoExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  @SuppressWarnings("rawtypes")
  static void enter(
      @Advice.This Object client,
      @Advice.Argument(0) Object target,
      @Advice.Argument(value = 1, readOnly = false) AsyncRequestProducer producer,
      @Advice.Argument(value = 2, readOnly = false) AsyncResponseConsumer consumer,
      @Advice.Argument(value = 5, readOnly = false) FutureCallback callback) {
    ApacheHttpClient5Hook hook = ApacheHttpClient5Bridge.hook;
    if (hook == null) {
      return;
    }
    Object wrapper = hook.asyncWrapper(client.getClass());
    Object state = wrapper == null ? null : hook.asyncStart();
    if (state == null) {
      return;
    }
    Object[] wrapped = ((AsyncWrapper) wrapper).wrap(state, target, producer, consumer, callback);
    producer = (AsyncRequestProducer) wrapped[0];
    consumer = (AsyncResponseConsumer) wrapped[1];
    callback = (FutureCallback) wrapped[2];
  }
}
