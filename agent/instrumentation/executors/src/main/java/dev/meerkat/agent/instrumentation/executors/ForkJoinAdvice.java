package dev.meerkat.agent.instrumentation.executors;

import dev.meerkat.agent.bootstrap.executors.ExecutorsBridge;
import dev.meerkat.agent.bootstrap.executors.ExecutorsHook;
import net.bytebuddy.asm.Advice;

/**
 * A ForkJoinTask is the application's own handle, so it is never wrapped: it gets the context
 * attached when it is forked or submitted ({@link PoolSubmitAdvice}), made current by {@code
 * ForkJoinTask.doExec}, the one method every execution goes through.
 */
final class ForkJoinAdvice {
  private ForkJoinAdvice() {}

  /** {@code ForkJoinTask.fork()}: usually called inside a parent task, whose context it gets. */
  static final class Fork {
    private Fork() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object task) {
      ExecutorsHook hook = ExecutorsBridge.hook;
      if (hook != null) {
        hook.attach(task);
      }
    }
  }

  /** {@code ForkJoinTask.doExec()}: the task runs once per fork or submission. */
  static final class Exec {
    private Exec() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object task) {
      ExecutorsHook hook = ExecutorsBridge.hook;
      return hook == null ? null : hook.activate(task);
    }

    @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
    static void exit(@Advice.Enter Object scope) {
      ExecutorsHook hook = ExecutorsBridge.hook;
      if (hook != null) {
        hook.deactivate(scope);
      }
    }
  }
}
