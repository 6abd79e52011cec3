package dev.meerkat.agent.bootstrap.executors;

import java.util.List;

/**
 * Carries the OpenTelemetry context from the thread that submits a task to the thread that runs it.
 * Tasks, executors and threads are passed as JDK types or {@code Object}; the context itself never
 * leaves the agent class loader. Every method returns its argument unchanged when there is no
 * context to carry (the root context) or when the module has failed.
 */
public interface ExecutorsHook {
  /**
   * A Runnable or Callable the application will not see again (handed to a pool that hides it, or
   * the Callable inside a FutureTask): a wrapper carrying the current context. A ForkJoinTask is
   * returned as is, with the context attached to it (see {@link #activate}); a FutureTask carries
   * its own.
   */
  Object wrap(Object task);

  /** A collection of Callables (invokeAll/invokeAny) with each element wrapped. */
  Object wrapAll(Object tasks);

  /**
   * A Runnable for {@code ThreadPoolExecutor.execute}: wrapped only when the executor cannot tell
   * (no beforeExecute/afterExecute override, a FIFO queue of a known kind).
   */
  Runnable wrapForThreadPool(Object executor, Runnable task);

  /** A CompletableFuture callback (Runnable, Supplier, Function, Consumer, Bi...) wrapped. */
  Object callback(Object function);

  /** Remembers the current context for a ForkJoinTask (weakly). */
  void attach(Object task);

  /**
   * Makes the context attached to {@code task} current and drops the attachment (a ForkJoinTask
   * runs once per fork); returns the scope to close, or null.
   */
  Object activate(Object task);

  /** Closes a scope returned by {@link #activate}; null is ignored. */
  void deactivate(Object scope);

  /** The queued element for {@code task} (its wrapper), so that remove(task) finds it. */
  Object queued(Object executor, Object task);

  /** Replaces wrappers by the application's tasks in a list returned by shutdownNow. */
  void unwrap(List<Runnable> tasks);

  /** Remembers the current context for a virtual thread being started. */
  void attachThread(Object thread);

  /** The virtual thread's task, wrapped with the context remembered when it was started. */
  Runnable threadTask(Object thread, Runnable task);
}
