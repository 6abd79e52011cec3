package dev.meerkat.agent.instrumentation.jedis;

import dev.meerkat.agent.bootstrap.jedis.JedisBridge;
import dev.meerkat.agent.bootstrap.jedis.JedisHook;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code Connection.disconnect()}: no reply will come for what is still awaited. */
final class DisconnectAdvice {
  private DisconnectAdvice() {}

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit() {
    JedisHook hook = JedisBridge.hook;
    if (hook != null) {
      hook.disconnected();
    }
  }
}
