package dev.meerkat.agent.instrumentation.lettuce;

import dev.meerkat.agent.bootstrap.lettuce.LettuceBridge;
import dev.meerkat.agent.bootstrap.lettuce.LettuceHook;
import io.lettuce.core.RedisURI;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code RedisClient.connectStandaloneAsync(codec, uri, timeout)}: the connection
 * created within (see {@link NewConnectionAdvice}) talks to this URI's server and database.
 */
final class ConnectAdvice {
  private ConnectAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(1) RedisURI uri) {
    LettuceHook hook = LettuceBridge.hook;
    if (hook != null && uri != null) {
      hook.connecting(uri.getHost(), uri.getPort(), uri.getDatabase());
    }
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit() {
    LettuceHook hook = LettuceBridge.hook;
    if (hook != null) {
      hook.connectingDone();
    }
  }
}
