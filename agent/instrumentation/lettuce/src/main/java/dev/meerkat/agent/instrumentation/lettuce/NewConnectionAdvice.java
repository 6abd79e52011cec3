package dev.meerkat.agent.instrumentation.lettuce;

import dev.meerkat.agent.bootstrap.lettuce.LettuceBridge;
import dev.meerkat.agent.bootstrap.lettuce.LettuceHook;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code RedisClient.newStatefulRedisConnection(...)}. */
final class NewConnectionAdvice {
  private NewConnectionAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Return Object connection) {
    LettuceHook hook = LettuceBridge.hook;
    if (hook != null && connection != null) {
      hook.connected(connection);
    }
  }
}
