package dev.meerkat.agent.instrumentation.executors;

import dev.meerkat.agent.bootstrap.executors.ExecutorsBridge;
import dev.meerkat.agent.bootstrap.executors.ExecutorsHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Exit advice of both FutureTask constructors. FutureTask is what submit, invokeAll, invokeAny and
 * every schedule method queue, and what the application holds (to cancel or remove it, or to see it
 * in afterExecute): it is never wrapped. The Callable inside it is private (run and runAndReset
 * call it, toString prints it), so that is wrapped instead: each run, periodic runs included, gets
 * the context of the thread that created the task; the FutureTask drops the Callable when done.
 */
final class FutureTaskAdvice {
  private FutureTaskAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(
      @Advice.FieldValue(value = "callable", readOnly = false, typing = Assigner.Typing.DYNAMIC)
          Object callable) {
    ExecutorsHook hook = ExecutorsBridge.hook;
    if (hook != null) {
      callable = hook.wrap(callable);
    }
  }
}
