package dev.meerkat.agent.instrumentation.jdbc;

import dev.meerkat.agent.bootstrap.jdbc.JdbcBridge;
import dev.meerkat.agent.bootstrap.jdbc.JdbcHook;
import net.bytebuddy.asm.Advice;

/**
 * Enter advice of the no-argument {@code execute()}, {@code executeQuery()}, {@code
 * executeUpdate()}, {@code executeLargeUpdate()} of prepared and callable statements; the exit is
 * {@link StatementAdvice#exit}.
 */
final class PreparedStatementAdvice {
  private PreparedStatementAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.This Object statement) {
    if (JdbcBridge.DEPTH.enter() != 0) {
      return null;
    }
    JdbcHook hook = JdbcBridge.hook;
    return hook == null ? null : hook.startPrepared(statement);
  }
}
