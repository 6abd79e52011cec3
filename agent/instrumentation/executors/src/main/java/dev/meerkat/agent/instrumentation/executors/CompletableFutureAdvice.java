package dev.meerkat.agent.instrumentation.executors;

import dev.meerkat.agent.bootstrap.executors.ExecutorsBridge;
import dev.meerkat.agent.bootstrap.executors.ExecutorsHook;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * CompletableFuture callbacks are wrapped when they are registered, so they run with the
 * registering thread's context whichever thread completes the future: the async variants (default
 * pool or a given executor) and the plain ones (run by the completing thread) alike.
 */
final class CompletableFutureAdvice {
  private CompletableFutureAdvice() {}

  /** supplyAsync, runAsync, thenApply, thenAccept, thenRun, handle, whenComplete... */
  static final class FirstArgument {
    private FirstArgument() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(
        @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC)
            Object callback) {
      ExecutorsHook hook = ExecutorsBridge.hook;
      if (hook != null) {
        callback = hook.callback(callback);
      }
    }
  }

  /** thenCombine, thenAcceptBoth, runAfterBoth, applyToEither, acceptEither, runAfterEither. */
  static final class SecondArgument {
    private SecondArgument() {}

    @Advice.OnMethodEnter(suppress = Throwable.class)
    static void enter(
        @Advice.Argument(value = 1, readOnly = false, typing = Assigner.Typing.DYNAMIC)
            Object callback) {
      ExecutorsHook hook = ExecutorsBridge.hook;
      if (hook != null) {
        callback = hook.callback(callback);
      }
    }
  }
}
