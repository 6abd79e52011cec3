package dev.meerkat.agent.instrumentation.jdbc;

import dev.meerkat.agent.bootstrap.jdbc.JdbcBridge;
import dev.meerkat.agent.bootstrap.jdbc.JdbcHook;
import net.bytebuddy.asm.Advice;

/**
 * Enter advice of {@code executeBatch()}/{@code executeLargeBatch()}; exit: {@link
 * StatementAdvice#exit}.
 */
final class BatchAdvice {
  private BatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.This Object statement) {
    if (JdbcBridge.DEPTH.enter() != 0) {
      return null;
    }
    JdbcHook hook = JdbcBridge.hook;
    return hook == null ? null : hook.startBatch(statement);
  }
}
