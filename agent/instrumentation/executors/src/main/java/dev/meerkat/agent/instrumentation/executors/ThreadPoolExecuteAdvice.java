package dev.meerkat.agent.instrumentation.executors;

import dev.meerkat.agent.bootstrap.executors.ExecutorsBridge;
import dev.meerkat.agent.bootstrap.executors.ExecutorsHook;
import net.bytebuddy.asm.Advice;

/**
 * Inlined into {@code ThreadPoolExecutor.execute(Runnable)}: a plain Runnable is wrapped (submit's
 * FutureTask is not: it carries its own context, see {@link FutureTaskAdvice}).
 */
final class ThreadPoolExecuteAdvice {
  private ThreadPoolExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.This Object executor, @Advice.Argument(value = 0, readOnly = false) Runnable task) {
    ExecutorsHook hook = ExecutorsBridge.hook;
    if (hook != null) {
      task = hook.wrapForThreadPool(executor, task);
    }
  }
}
