package dev.meerkat.agent.instrumentation.jdbc;

import dev.meerkat.agent.bootstrap.jdbc.JdbcBridge;
import dev.meerkat.agent.bootstrap.jdbc.JdbcHook;
import net.bytebuddy.asm.Advice;

/** Enter advice of {@code clearBatch()}; exit: {@link AddBatchAdvice#exit}. */
final class ClearBatchAdvice {
  private ClearBatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object statement) {
    if (JdbcBridge.DEPTH.enter() == 0) {
      JdbcHook hook = JdbcBridge.hook;
      if (hook != null) {
        hook.clearBatch(statement);
      }
    }
  }
}
