package dev.meerkat.agent.instrumentation.executors;

import dev.meerkat.agent.bootstrap.executors.ExecutorsBridge;
import dev.meerkat.agent.bootstrap.executors.ExecutorsHook;
import net.bytebuddy.asm.Advice;

/**
 * Virtual threads (Java 21+; the advice names no Java 21 type). A virtual thread runs one task, so
 * the starting thread's context is remembered at {@code VirtualThread.start(ThreadContainer)}
 * (which Thread.ofVirtual().start, Thread.startVirtualThread and newVirtualThreadPerTaskExecutor
 * all reach) and given to the task in {@code VirtualThread.run(Runnable)}. The task is wrapped
 * there rather than the context made current by the advice: on early 21 builds run(Runnable) mounts
 * the virtual thread inside its body, so only code running in the task sees the virtual thread's
 * thread locals. The context lives in the virtual thread's own thread local and so survives parking
 * and moving to another carrier; carrier threads are never given a context.
 */
final class VirtualThreadAdvice {
  private VirtualThreadAdvice() {}

  static final class Start {
    private Start() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(@Advice.This Object thread) {
      ExecutorsHook hook = ExecutorsBridge.hook;
      if (hook != null) {
        hook.attachThread(thread);
      }
    }
  }

  static final class Run {
    private Run() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(
        @Advice.This Object thread, @Advice.Argument(value = 0, readOnly = false) Runnable task) {
      ExecutorsHook hook = ExecutorsBridge.hook;
      if (hook != null) {
        task = hook.threadTask(thread, task);
      }
    }
  }
}
