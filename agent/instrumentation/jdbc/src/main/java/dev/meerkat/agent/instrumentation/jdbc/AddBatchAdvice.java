package dev.meerkat.agent.instrumentation.jdbc;

import dev.meerkat.agent.bootstrap.jdbc.JdbcBridge;
import dev.meerkat.agent.bootstrap.jdbc.JdbcHook;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into a plain statement's {@code addBatch(String sql)}. Only the outermost statement
 * counts (a pool's proxy, not the driver's statement it delegates to, whose batch is executed
 * inside the proxy's, where no span starts). Its exit also serves {@link AddPreparedBatchAdvice}
 * and {@link ClearBatchAdvice}.
 */
final class AddBatchAdvice {
  private AddBatchAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.This Object statement, @Advice.Argument(0) String sql) {
    if (JdbcBridge.DEPTH.enter() == 0) {
      JdbcHook hook = JdbcBridge.hook;
      if (hook != null) {
        hook.addBatch(statement, sql);
      }
    }
  }

  @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
  static void exit() {
    JdbcBridge.DEPTH.exit();
  }
}
