package dev.meerkat.agent.instrumentation.executors;

import dev.meerkat.agent.bootstrap.executors.ExecutorsBridge;
import dev.meerkat.agent.bootstrap.executors.ExecutorsHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Pools that hide the Runnables and Callables they are given inside tasks of their own
 * (ForkJoinPool adapts them into ForkJoinTasks, ThreadPerTaskExecutor into a thread's runner and
 * the future it returns): the application never sees them again, so they are wrapped. A
 * ForkJoinTask or FutureTask argument is left as it is and carries the context itself.
 */
final class PoolSubmitAdvice {
  private PoolSubmitAdvice() {}

  /** execute, submit, invoke, schedule...: the task is the first argument. */
  static final class One {
    private One() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(
        @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC)
            Object task) {
      ExecutorsHook hook = ExecutorsBridge.hook;
      if (hook != null) {
        task = hook.wrap(task);
      }
    }
  }

  /** invokeAll, invokeAny: a collection of Callables. */
  static final class All {
    private All() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(
        @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC)
            Object tasks) {
      ExecutorsHook hook = ExecutorsBridge.hook;
      if (hook != null) {
        tasks = hook.wrapAll(tasks);
      }
    }
  }
}
