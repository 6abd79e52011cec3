package dev.meerkat.agent.instrumentation.executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // Scopes opened only to be current in the block.
class ContextPropagationTest {
  private static final ContextKey<String> KEY = ContextKey.named("test");
  private final ContextPropagation propagation =
      new ContextPropagation(InstrumentationContext.forTesting("executors", OpenTelemetry.noop()));
  private final List<ThreadPoolExecutor> pools = new ArrayList<>();

  @AfterEach
  void shutdownPools() {
    pools.forEach(ThreadPoolExecutor::shutdownNow);
  }

  @Test
  void leavesTasksAloneWhenNoContextIsCurrent() {
    Runnable task = () -> {};
    assertThat(propagation.wrap(task)).isSameAs(task);
    assertThat(propagation.callback(task)).isSameAs(task);
    assertThat(propagation.wrapForThreadPool(pool(new LinkedBlockingQueue<>()), task))
        .isSameAs(task);
    propagation.attach(task);
    assertThat(propagation.attachedCount()).isZero();
  }

  @Test
  void wrappedTaskRunsInTheSubmittersContextAndRestoresTheRunnersOnFailure() {
    List<String> seen = new ArrayList<>();
    Object wrapped;
    try (Scope ignored = Context.root().with(KEY, "request").makeCurrent()) {
      wrapped =
          propagation.wrap(
              (Runnable)
                  () -> {
                    seen.add(Context.current().get(KEY));
                    throw new IllegalStateException("boom");
                  });
    }
    try (Scope ignored = Context.root().with(KEY, "runner").makeCurrent()) {
      assertThatThrownBy(((Runnable) wrapped)::run).hasMessage("boom");
      assertThat(Context.current().get(KEY)).isEqualTo("runner");
    }
    assertThat(seen).containsExactly("request");
  }

  @Test
  void neverWrapsFutureTasksOrTwice() {
    FutureTask<Void> future = new FutureTask<>(() -> null);
    try (Scope ignored = Context.root().with(KEY, "request").makeCurrent()) {
      Object once = propagation.wrap((Callable<String>) () -> "x");
      assertThat(propagation.wrap(once)).isSameAs(once);
      assertThat(propagation.wrap(future)).isSameAs(future);
      assertThat(propagation.wrapForThreadPool(pool(new LinkedBlockingQueue<>()), future))
          .isSameAs(future);
    }
  }

  @Test
  void threadPoolTasksStayUnwrappedWhereTheExecutorLooksAtThem() {
    Runnable task = () -> {};
    ThreadPoolExecutor hooks =
        track(
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>()) {
              @Override
              protected void afterExecute(Runnable r, Throwable t) {}
            });
    try (Scope ignored = Context.root().with(KEY, "request").makeCurrent()) {
      assertThat(propagation.wrapForThreadPool(hooks, task)).isSameAs(task);
      assertThat(propagation.wrapForThreadPool(pool(new PriorityBlockingQueue<>()), task))
          .isSameAs(task);
      assertThat(propagation.wrapForThreadPool(pool(new LinkedBlockingQueue<>()), task))
          .isInstanceOf(ContextTask.class);
    }
  }

  @Test
  void removeAndShutdownNowSeeTheApplicationsTask() {
    ThreadPoolExecutor pool = pool(new LinkedBlockingQueue<>());
    Runnable task = () -> {};
    Runnable wrapped;
    try (Scope ignored = Context.root().with(KEY, "request").makeCurrent()) {
      wrapped = propagation.wrapForThreadPool(pool, task);
    }
    pool.getQueue().add(wrapped);
    assertThat(propagation.queued(pool, task)).isSameAs(wrapped);
    List<Runnable> left = new ArrayList<>(List.of(wrapped));
    propagation.unwrap(left);
    assertThat(left).containsExactly(task);
  }

  @Test
  void attachedContextIsCurrentOnlyWhileActive() {
    Object task = new Object();
    try (Scope ignored = Context.root().with(KEY, "request").makeCurrent()) {
      propagation.attach(task);
    }
    Object scope = propagation.activate(task);
    assertThat(Context.current().get(KEY)).isEqualTo("request");
    propagation.deactivate(scope);
    assertThat(Context.current()).isSameAs(Context.root());
    assertThat(propagation.activate(task)).isNull();
    assertThat(propagation.attachedCount()).isZero();
  }

  @Test
  void twoArgumentCallbacksGetTheirOwnWrapperAndAmbiguousOnesNone() {
    BiFunction<String, String, String> both = (a, b) -> Context.current().get(KEY) + a + b;
    Object ambiguous = new RunnableAndBiConsumer();
    Object wrapped;
    try (Scope ignored = Context.root().with(KEY, "request").makeCurrent()) {
      wrapped = propagation.callback(both);
      assertThat(propagation.callback(ambiguous)).isSameAs(ambiguous);
    }
    @SuppressWarnings("unchecked")
    BiFunction<String, String, String> function = (BiFunction<String, String, String>) wrapped;
    assertThat(function.apply("-a", "-b")).isEqualTo("request-a-b");
  }

  @Test
  void weakIdentityMapComparesByIdentity() {
    WeakIdentityMap<String> map = new WeakIdentityMap<>();
    String first = new String("same");
    String second = new String("same");
    map.put(first, "first");
    assertThat(map.get(first)).isEqualTo("first");
    assertThat(map.get(second)).isNull();
    assertThat(map.remove(first)).isEqualTo("first");
    assertThat(map.size()).isZero();
  }

  private ThreadPoolExecutor pool(java.util.concurrent.BlockingQueue<Runnable> queue) {
    return track(new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, queue));
  }

  private ThreadPoolExecutor track(ThreadPoolExecutor pool) {
    pools.add(pool);
    return pool;
  }

  private static final class RunnableAndBiConsumer implements Runnable, BiConsumer<Object, Object> {
    @Override
    public void run() {}

    @Override
    public void accept(Object first, Object second) {}
  }
}
