package dev.meerkat.agent.instrumentation.executors;

import dev.meerkat.agent.bootstrap.executors.ExecutorsBridge;
import dev.meerkat.agent.bootstrap.executors.ExecutorsHook;
import net.bytebuddy.asm.Advice;

/**
 * FutureTask is what submit, invokeAll, invokeAny and every schedule method queue, and what the
 * application holds (to cancel or remove it, or to see it in afterExecute): it is never wrapped.
 * Its constructors remember the creating thread's context; run (once) and runAndReset (each period
 * of a periodic ScheduledFutureTask) make it current.
 */
final class FutureTaskAdvice {
  private FutureTaskAdvice() {}

  /** Exit advice of both FutureTask constructors. */
  static final class Create {
    private Create() {}

    @Advice.OnMethodExit(suppress = Throwable.class)
    static void exit(@Advice.This Object task) {
      ExecutorsHook hook = ExecutorsBridge.hook;
      if (hook != null) {
        hook.attach(task);
      }
    }
  }

  /** {@code run()}: runs once, so the attachment is dropped. */
  static final class Run {
    private Run() {}

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

  /** {@code runAndReset()}: runs every period, so the attachment stays. */
  static final class RunAndReset {
    private RunAndReset() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static Object enter(@Advice.This Object task) {
      ExecutorsHook hook = ExecutorsBridge.hook;
      return hook == null ? null : hook.activate(task, false);
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
