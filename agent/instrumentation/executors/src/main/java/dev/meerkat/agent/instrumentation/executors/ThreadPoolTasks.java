package dev.meerkat.agent.instrumentation.executors;

import io.opentelemetry.context.Context;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The Runnables given to {@code ThreadPoolExecutor.execute}: wrapped only where the executor cannot
 * tell, and shown unwrapped where the application asks for them back (remove, shutdownNow).
 */
final class ThreadPoolTasks {
  /**
   * Per executor class: true when neither it nor a superclass below ThreadPoolExecutor overrides
   * beforeExecute or afterExecute, the hooks through which a subclass sees (and may cast) the
   * Runnable it was given.
   */
  private final ClassValue<Boolean> plainHooks =
      new ClassValue<Boolean>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          for (Class<?> c = type;
              c != null && c != ThreadPoolExecutor.class;
              c = c.getSuperclass()) {
            if (declares(c, "beforeExecute", Thread.class, Runnable.class)
                || declares(c, "afterExecute", Runnable.class, Throwable.class)) {
              return Boolean.FALSE;
            }
          }
          return Boolean.TRUE;
        }
      };

  /** Set once a task was wrapped: until then remove() and shutdownNow() need no scan. */
  private volatile boolean wrappedAny;

  /** {@code task} wrapped with {@code carried}, or {@code task} itself where that is not safe. */
  Runnable wrap(ThreadPoolExecutor pool, Runnable task, Context carried) {
    if (task instanceof ContextTask
        || task instanceof FutureTask
        || !plainHooks.get(pool.getClass())
        || !fifoQueue(pool.getQueue())) {
      return task;
    }
    wrappedAny = true;
    return new ContextTask(carried, task);
  }

  /** The queued wrapper of {@code task}, so that remove(task) finds it; else {@code task}. */
  Object queued(ThreadPoolExecutor pool, Object task) {
    if (!wrappedAny || task instanceof ContextTask) {
      return task;
    }
    for (Runnable queued : pool.getQueue()) {
      if (queued instanceof ContextTask && ((ContextTask) queued).delegate == task) {
        return queued;
      }
    }
    return task;
  }

  /** Replaces wrappers by the application's Runnables, in place. */
  void unwrap(List<Runnable> tasks) {
    if (!wrappedAny) {
      return;
    }
    for (int i = 0; i < tasks.size(); i++) {
      Runnable task = tasks.get(i);
      if (task instanceof ContextTask) {
        tasks.set(i, (Runnable) ((ContextTask) task).delegate);
      }
    }
  }

  /**
   * Queues that never look at their elements. A PriorityBlockingQueue compares them (a wrapper is
   * not Comparable), a DelayQueue needs Delayed ones: their tasks are left alone.
   */
  private static boolean fifoQueue(BlockingQueue<Runnable> queue) {
    return queue instanceof LinkedBlockingQueue
        || queue instanceof SynchronousQueue
        || queue instanceof ArrayBlockingQueue
        || queue instanceof LinkedTransferQueue
        || queue instanceof LinkedBlockingDeque;
  }

  private static boolean declares(Class<?> type, String name, Class<?>... parameters) {
    try {
      type.getDeclaredMethod(name, parameters);
      return true;
    } catch (NoSuchMethodException e) {
      return false;
    } catch (RuntimeException | LinkageError e) {
      // Cannot tell (a security manager, a missing class in the signature): do not wrap.
      return true;
    }
  }
}
