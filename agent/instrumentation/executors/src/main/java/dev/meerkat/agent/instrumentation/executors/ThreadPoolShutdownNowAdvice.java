package dev.meerkat.agent.instrumentation.executors;

import dev.meerkat.agent.bootstrap.executors.ExecutorsBridge;
import dev.meerkat.agent.bootstrap.executors.ExecutorsHook;
import java.util.List;
import net.bytebuddy.asm.Advice;

/** Inlined into {@code ThreadPoolExecutor.shutdownNow()}: returns the application's own tasks. */
final class ThreadPoolShutdownNowAdvice {
  private ThreadPoolShutdownNowAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Return List<Runnable> tasks) {
    ExecutorsHook hook = ExecutorsBridge.hook;
    if (hook != null) {
      hook.unwrap(tasks);
    }
  }
}
