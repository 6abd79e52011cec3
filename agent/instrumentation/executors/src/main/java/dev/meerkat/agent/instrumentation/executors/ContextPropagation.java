package dev.meerkat.agent.instrumentation.executors;

import dev.meerkat.agent.bootstrap.executors.ExecutorsHook;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link ExecutorsHook}. Two ways to carry a context, chosen so the application never sees a
 * task object it did not create where it can look: tasks a pool hides, the Callable inside a
 * FutureTask, and CompletableFuture callbacks are wrapped in a {@link ContextTask}; tasks that are
 * the application's own handle and run code of its own (a ForkJoinTask, a virtual thread) get the
 * context attached in a weak identity map and made current by advice on the method that runs them.
 * Nothing is done when the current context is the root one.
 */
final class ContextPropagation implements ExecutorsHook {
  private final InstrumentationContext context;
  private final WeakIdentityMap<Context> attached = new WeakIdentityMap<>();
  private final WeakIdentityMap<Context> threads = new WeakIdentityMap<>();
  private final ThreadPoolTasks threadPools = new ThreadPoolTasks();

  ContextPropagation(InstrumentationContext context) {
    this.context = context;
  }

  /** The context to carry, or null: the root context (nothing to carry) or the module is off. */
  private Context toCarry() {
    if (!context.isActive()) {
      return null;
    }
    Context current = Context.current();
    return current == Context.root() ? null : current;
  }

  @Override
  public Object wrap(Object task) {
    try {
      if (task == null || task instanceof ContextTask || task instanceof FutureTask) {
        return task;
      }
      Context carried = toCarry();
      if (carried == null) {
        return task;
      }
      if (task instanceof ForkJoinTask) {
        attach(task, carried);
        return task;
      }
      // A virtual thread's continuation is resubmitted by whichever thread unparks it: carrying
      // that thread's context to the carrier is wrong and useless (the virtual thread has its own).
      if (!(task instanceof Runnable || task instanceof Callable)
          || task.getClass().getName().startsWith("java.lang.VirtualThread")) {
        return task;
      }
      return new ContextTask(carried, task);
    } catch (Throwable t) {
      context.fail(t);
      return task;
    }
  }

  @Override
  public Object wrapAll(Object tasks) {
    try {
      if (!(tasks instanceof Collection) || toCarry() == null) {
        return tasks;
      }
      Collection<?> original = (Collection<?>) tasks;
      List<Object> wrapped = new ArrayList<>(original.size());
      for (Object task : original) {
        wrapped.add(wrap(task));
      }
      return wrapped;
    } catch (Throwable t) {
      context.fail(t);
      return tasks;
    }
  }

  @Override
  public Runnable wrapForThreadPool(Object executor, Runnable task) {
    try {
      Context carried = toCarry();
      if (carried == null || task == null || !(executor instanceof ThreadPoolExecutor)) {
        return task;
      }
      return threadPools.wrap((ThreadPoolExecutor) executor, task, carried);
    } catch (Throwable t) {
      context.fail(t);
      return task;
    }
  }

  @Override
  public Object callback(Object function) {
    try {
      if (function == null
          || function instanceof ContextTask
          || function instanceof ContextBiCallback) {
        return function;
      }
      Context carried = toCarry();
      if (carried == null) {
        return function;
      }
      boolean twoArguments = function instanceof BiFunction || function instanceof BiConsumer;
      boolean oneOrNone =
          function instanceof Runnable
              || function instanceof Supplier
              || function instanceof Function
              || function instanceof Consumer;
      if (twoArguments && oneOrNone) {
        // Which interface the parameter is cannot be told here; neither wrapper fits both.
        return function;
      }
      return twoArguments
          ? new ContextBiCallback(carried, function)
          : new ContextTask(carried, function);
    } catch (Throwable t) {
      context.fail(t);
      return function;
    }
  }

  @Override
  public void attach(Object task) {
    try {
      Context carried = toCarry();
      if (carried != null && task != null) {
        attach(task, carried);
      }
    } catch (Throwable t) {
      context.fail(t);
    }
  }

  private void attach(Object task, Context carried) {
    // CompletableFuture's own tasks: their callbacks are wrapped instead.
    if (!(task instanceof CompletableFuture.AsynchronousCompletionTask)) {
      attached.put(task, carried);
    }
  }

  @Override
  public Object activate(Object task) {
    try {
      Context carried = attached.remove(task);
      return carried == null ? null : carried.makeCurrent();
    } catch (Throwable t) {
      context.fail(t);
      return null;
    }
  }

  @Override
  public void deactivate(Object scope) {
    if (scope != null) {
      ((Scope) scope).close();
    }
  }

  @Override
  public Object queued(Object executor, Object task) {
    try {
      return threadPools.queued((ThreadPoolExecutor) executor, task);
    } catch (Throwable t) {
      // A concurrent queue's iterator does not throw; any other failure leaves remove() as it is.
      return task;
    }
  }

  @Override
  public void unwrap(List<Runnable> tasks) {
    try {
      if (tasks != null) {
        threadPools.unwrap(tasks);
      }
    } catch (Throwable t) {
      context.fail(t);
    }
  }

  @Override
  public void attachThread(Object thread) {
    try {
      Context carried = toCarry();
      if (carried != null && thread != null) {
        threads.put(thread, carried);
      }
    } catch (Throwable t) {
      context.fail(t);
    }
  }

  @Override
  public Runnable threadTask(Object thread, Runnable task) {
    try {
      Context carried = threads.remove(thread);
      return carried == null || task == null ? task : new ContextTask(carried, task);
    } catch (Throwable t) {
      context.fail(t);
      return task;
    }
  }

  /** For tests: how many tasks and threads still have a context attached. */
  int attachedCount() {
    return attached.size() + threads.size();
  }
}
