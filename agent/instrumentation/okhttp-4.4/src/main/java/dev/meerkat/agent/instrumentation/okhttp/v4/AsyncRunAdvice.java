package dev.meerkat.agent.instrumentation.okhttp.v4;

import dev.meerkat.agent.bootstrap.okhttp.OkHttpBridge;
import dev.meerkat.agent.bootstrap.okhttp.OkHttpHook;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code RealCall.AsyncCall.run()} (a dispatcher thread): the context of the code that
 * enqueued the call is current while it runs, for the span and for the callback.
 */
final class AsyncRunAdvice {
  private AsyncRunAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.FieldValue("this$0") Object realCall) {
    OkHttpHook hook = OkHttpBridge.hook;
    return hook == null ? null : hook.resume(realCall);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.Enter Object scope) {
    OkHttpHook hook = OkHttpBridge.hook;
    if (scope != null && hook != null) {
      hook.suspend(scope);
    }
  }
}
