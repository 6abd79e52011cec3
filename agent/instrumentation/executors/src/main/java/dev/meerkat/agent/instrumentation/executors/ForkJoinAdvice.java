package dev.meerkat.agent.instrumentation.executors;

import dev.meerkat.agent.bootstrap.executors.ExecutorsBridge;
import dev.meerkat.agent.bootstrap.executors.ExecutorsHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * ForkJoinPool hides the Runnables and Callables it is given inside its own adapter tasks, so they
 * are wrapped; a ForkJoinTask (the application's own handle) gets the context attached instead,
 * made current by {@code ForkJoinTask.doExec}, the one method every execution goes through.
 */
final class ForkJoinAdvice {
  private ForkJoinAdvice() {}

  /** execute/submit/invoke/schedule* of ForkJoinPool: the task is the first argument. */
  static final class Submit {
    private Submit() {}

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

  /** invokeAll/invokeAny of ForkJoinPool: a collection of Callables. */
  static final class SubmitAll {
    private SubmitAll() {}

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
      return hook == null ? null : hook.activate(task, true);
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
