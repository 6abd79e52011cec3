package dev.meerkat.agent.instrumentation.executors;

import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the executors instrumentation adds to a task: the hook's calls exactly as the advice makes
 * them, on a real single-worker ThreadPoolExecutor.
 *
 * <ul>
 *   <li>{@code none}: no agent, the task submitted as it is (the baseline);
 *   <li>{@code root}: the agent with no context current (the hook decides there is nothing to
 *       carry);
 *   <li>{@code span}: a context is current: the task is wrapped, and the worker makes the context
 *       current around it and restores its own.
 * </ul>
 */
@State(org.openjdk.jmh.annotations.Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ExecutorPropagationBenchmark {
  private static final ContextKey<String> KEY = ContextKey.named("request");

  @Param({"none", "root", "span"})
  String propagation;

  private ThreadPoolExecutor pool;
  private ContextPropagation hook;
  private Scope scope;
  private final Runnable noop =
      new Runnable() {
        @Override
        public void run() {}
      };

  @Setup(Level.Trial)
  public void startPool() {
    pool = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>());
    pool.prestartAllCoreThreads();
    hook =
        new ContextPropagation(
            InstrumentationContext.forTesting("executors", OpenTelemetry.noop()));
  }

  @Setup(Level.Iteration)
  public void enterContext() {
    if (propagation.equals("span")) {
      scope = Context.root().with(KEY, "request-1").makeCurrent();
    }
  }

  @TearDown(Level.Iteration)
  public void leaveContext() {
    if (scope != null) {
      scope.close();
      scope = null;
    }
  }

  @TearDown(Level.Trial)
  public void stopPool() {
    pool.shutdownNow();
  }

  /** execute() and wait until the worker ran the task: the full hand-off. */
  @Benchmark
  public void executeAndAwait() throws InterruptedException {
    CountDownLatch done = new CountDownLatch(1);
    Runnable task = done::countDown;
    pool.execute(propagation.equals("none") ? task : hook.wrapForThreadPool(pool, task));
    done.await();
  }

  /** The wrapper alone, run on the submitting thread (the context is current there already). */
  @Benchmark
  public Runnable wrapAndRun() {
    Runnable task = propagation.equals("none") ? noop : hook.wrapForThreadPool(pool, noop);
    task.run();
    return task;
  }

  /** The ForkJoinTask path: attach at fork, make current around the run (doExec). */
  @Benchmark
  public Object attachAndActivate() {
    Object task = new Object();
    if (!propagation.equals("none")) {
      hook.attach(task);
      hook.deactivate(hook.activate(task));
    }
    return task;
  }
}
