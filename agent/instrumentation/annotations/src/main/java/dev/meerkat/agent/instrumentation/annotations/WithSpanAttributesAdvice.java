package dev.meerkat.agent.instrumentation.annotations;

import dev.meerkat.agent.bootstrap.annotations.WithSpanBridge;
import dev.meerkat.agent.bootstrap.annotations.WithSpanHook;
import net.bytebuddy.asm.Advice;

/**
 * Enter advice for {@code @WithSpan} methods with {@code @SpanAttribute} parameters: as {@link
 * WithSpanAdvice}, plus the arguments (an array per call, so only where attributes are wanted). The
 * exit advice is {@link WithSpanAdvice#exit}.
 */
final class WithSpanAttributesAdvice {
  private WithSpanAttributesAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(
      @Advice.Origin Class<?> type,
      @Advice.Origin("#m#d") String method,
      @Advice.AllArguments Object[] arguments) {
    WithSpanHook hook = WithSpanBridge.hook;
    return hook == null ? null : hook.start(type, method, arguments);
  }
}
