package dev.meerkat.agent.instrumentation.executors;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A task or callback that runs its delegate with the context of the thread that created it, and
 * restores the runner's context afterwards whatever happens. One class implements every
 * one-argument (or no-argument) functional interface a task or CompletableFuture callback can have,
 * so one wrapper fits any such parameter; only the interface the delegate implements is ever
 * called. The two-argument callbacks are {@link ContextBiCallback} (their default methods clash
 * with these).
 */
@SuppressWarnings({"unchecked", "rawtypes", "overloads"})
final class ContextTask
    implements Runnable,
        Callable<Object>,
        Supplier<Object>,
        Function<Object, Object>,
        Consumer<Object> {
  final Context context;
  final Object delegate;

  ContextTask(Context context, Object delegate) {
    this.context = context;
    this.delegate = delegate;
  }

  @Override
  public void run() {
    Scope scope = context.makeCurrent();
    try {
      ((Runnable) delegate).run();
    } finally {
      scope.close();
    }
  }

  @Override
  public Object call() throws Exception {
    Scope scope = context.makeCurrent();
    try {
      return ((Callable) delegate).call();
    } finally {
      scope.close();
    }
  }

  @Override
  public Object get() {
    Scope scope = context.makeCurrent();
    try {
      return ((Supplier) delegate).get();
    } finally {
      scope.close();
    }
  }

  @Override
  public Object apply(Object value) {
    Scope scope = context.makeCurrent();
    try {
      return ((Function) delegate).apply(value);
    } finally {
      scope.close();
    }
  }

  @Override
  public void accept(Object value) {
    Scope scope = context.makeCurrent();
    try {
      ((Consumer) delegate).accept(value);
    } finally {
      scope.close();
    }
  }

  /** The delegate's: rejection messages and thread dumps name the application's task. */
  @Override
  public String toString() {
    return String.valueOf(delegate);
  }
}
