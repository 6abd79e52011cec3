package dev.meerkat.agent.instrumentation.jedis;

import dev.meerkat.agent.bootstrap.jedis.JedisBridge;
import dev.meerkat.agent.bootstrap.jedis.JedisHook;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Connection.readProtocolWithCheckingBroken()}, which reads one reply: outside
 * {@code executeCommand} it ends the span of the oldest command written on this thread.
 */
final class ReplyAdvice {
  private ReplyAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static boolean enter() {
    return JedisBridge.DEPTH.enter() == 0;
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.Enter boolean outermost, @Advice.Thrown Throwable error) {
    JedisBridge.DEPTH.exit();
    JedisHook hook = JedisBridge.hook;
    if (outermost && hook != null) {
      hook.replied(error);
    }
  }
}
