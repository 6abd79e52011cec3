package dev.meerkat.agent.instrumentation.jdbc;

import dev.meerkat.agent.bootstrap.jdbc.JdbcBridge;
import dev.meerkat.agent.bootstrap.jdbc.JdbcHook;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code Connection.prepareStatement(String sql...)} and {@code prepareCall(String
 * sql...)}: remembers the returned statement's text. Not depth-guarded: a pool's proxy connection
 * and the driver's connection each return their own statement, and each must be known.
 */
final class PrepareAdvice {
  private PrepareAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.This Object connection,
      @Advice.Argument(0) String sql,
      @Advice.Return Object statement) {
    JdbcHook hook = JdbcBridge.hook;
    if (hook != null) {
      hook.prepared(connection, statement, sql);
    }
  }
}
