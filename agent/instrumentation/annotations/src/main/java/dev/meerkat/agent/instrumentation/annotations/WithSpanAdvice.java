package dev.meerkat.agent.instrumentation.annotations;

import dev.meerkat.agent.bootstrap.annotations.WithSpanBridge;
import dev.meerkat.agent.bootstrap.annotations.WithSpanHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Inlined into methods annotated with {@code @WithSpan} that have no {@code @SpanAttribute}
 * parameter. The method is named by constants (its class and "name+descriptor"), so the advice
 * allocates nothing; the hook resolves the annotation once per method.
 */
final class WithSpanAdvice {
  private WithSpanAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.Origin Class<?> type, @Advice.Origin("#m#d") String method) {
    WithSpanHook hook = WithSpanBridge.hook;
    return hook == null ? null : hook.start(type, method, null);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(
      @Advice.Enter Object call,
      @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object returned,
      @Advice.Thrown Throwable error) {
    WithSpanHook hook = WithSpanBridge.hook;
    if (call != null && hook != null) {
      hook.end(call, returned, error);
    }
  }
}
