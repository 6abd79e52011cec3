package dev.meerkat.agent.instrumentation.javahttpclient;

import dev.meerkat.agent.bootstrap.javahttpclient.HttpClientHook;
import dev.meerkat.agent.bootstrap.javahttpclient.JavaHttpClientBridge;
import java.net.http.HttpRequest;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code HttpClientImpl.send}: one span per outermost call. Its enter advice also
 * serves {@code sendAsync} (see {@link SendAsyncAdvice}).
 */
final class SendAdvice {
  private SendAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.Argument(value = 0, readOnly = false) HttpRequest request) {
    // The depth is incremented first, unconditionally, because exit always decrements it.
    if (JavaHttpClientBridge.DEPTH.enter() != 0) {
      return null;
    }
    HttpClientHook hook = JavaHttpClientBridge.hook;
    if (hook == null) {
      return null;
    }
    Object call = hook.start(request);
    if (call != null) {
      request = (HttpRequest) hook.request(call);
    }
    return call;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object call, @Advice.Return Object response, @Advice.Thrown Throwable error) {
    JavaHttpClientBridge.DEPTH.exit();
    HttpClientHook hook = JavaHttpClientBridge.hook;
    if (call != null && hook != null) {
      hook.end(call, response, error);
    }
  }
}
