package dev.meerkat.agent.instrumentation.okhttp.v4;

import dev.meerkat.agent.bootstrap.okhttp.OkHttpBridge;
import dev.meerkat.agent.bootstrap.okhttp.OkHttpHook;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code RealCall.enqueue(Callback)}: remembers the caller's context. */
final class EnqueueAdvice {
  private EnqueueAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object realCall) {
    OkHttpHook hook = OkHttpBridge.hook;
    if (hook != null) {
      hook.enqueued(realCall);
    }
  }
}
