package dev.meerkat.agent.instrumentation.javahttpclient;

import dev.meerkat.agent.bootstrap.javahttpclient.HttpClientHook;
import dev.meerkat.agent.bootstrap.javahttpclient.JavaHttpClientBridge;
import net.bytebuddy.asm.Advice;

/**
 * Exit advice of {@code HttpClientImpl.sendAsync} (2 and 3 arguments; the first delegates to the
 * second, the depth guard keeps it to one span). Its enter advice is {@link SendAdvice#enter}: the
 * span starts and the request is replaced the same way as for {@code send}; only the end differs,
 * since the span ends when the returned future completes.
 */
final class SendAsyncAdvice {
  private SendAsyncAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object call, @Advice.Return Object future, @Advice.Thrown Throwable error) {
    JavaHttpClientBridge.DEPTH.exit();
    HttpClientHook hook = JavaHttpClientBridge.hook;
    if (call == null || hook == null) {
      return;
    }
    if (error != null || future == null) {
      hook.end(call, null, error);
    } else {
      hook.endWhenDone(call, future);
    }
  }
}
