package dev.meerkat.agent.instrumentation.executors;

import dev.meerkat.agent.bootstrap.executors.ExecutorsBridge;
import dev.meerkat.agent.bootstrap.executors.ExecutorsHook;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code ThreadPoolExecutor.remove(Runnable)}: removes the task's wrapper. */
final class ThreadPoolRemoveAdvice {
  private ThreadPoolRemoveAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(
      @Advice.This Object executor, @Advice.Argument(value = 0, readOnly = false) Runnable task) {
    ExecutorsHook hook = ExecutorsBridge.hook;
    if (hook != null) {
      task = (Runnable) hook.queued(executor, task);
    }
  }
}
