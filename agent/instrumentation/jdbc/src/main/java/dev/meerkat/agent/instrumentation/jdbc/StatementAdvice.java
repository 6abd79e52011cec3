package dev.meerkat.agent.instrumentation.jdbc;

import dev.meerkat.agent.bootstrap.jdbc.JdbcBridge;
import dev.meerkat.agent.bootstrap.jdbc.JdbcHook;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Statement.execute*(String sql...)}: one span per outermost call. Its exit
 * advice also ends the spans of {@link PreparedStatementAdvice} and {@link BatchAdvice}.
 */
final class StatementAdvice {
  private StatementAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static Object enter(@Advice.This Object statement, @Advice.Argument(0) String sql) {
    // The depth is incremented first, unconditionally, because exit always decrements it.
    if (JdbcBridge.DEPTH.enter() != 0) {
      return null;
    }
    JdbcHook hook = JdbcBridge.hook;
    return hook == null ? null : hook.start(statement, sql);
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit(@Advice.Enter Object call, @Advice.Thrown Throwable error) {
    JdbcBridge.DEPTH.exit();
    JdbcHook hook = JdbcBridge.hook;
    if (call != null && hook != null) {
      hook.end(call, error);
    }
  }
}
