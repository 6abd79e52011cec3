package dev.meerkat.agent.instrumentation.okhttp.v4;

import dev.meerkat.agent.bootstrap.okhttp.OkHttpHook;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.SyncHttpClientTracing;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The {@link OkHttpHook}: spans through {@link SyncHttpClientTracing}. An enqueued call runs on a
 * dispatcher thread in the context that enqueued it, and its span ends once its callback returns.
 */
final class OkHttpTracer implements OkHttpHook {
  private final InstrumentationContext context;
  private final SyncHttpClientTracing tracing;

  /**
   * The enqueuing context of each call still queued. Weak keys: a call the dispatcher rejects or
   * that is cancelled before it runs does not stay here.
   */
  private final Map<Object, Context> queued =
      Collections.synchronizedMap(new WeakHashMap<Object, Context>());

  /** The enqueued call running on this dispatcher thread, if any. */
  private final ThreadLocal<AsyncRun> running = new ThreadLocal<>();

  OkHttpTracer(InstrumentationContext context) {
    this.context = context;
    this.tracing = SyncHttpClientTracing.create(context);
  }

  @Override
  public Object start(String method, String url, String host, int port, String scheme) {
    Object call = tracing.start(method, url, host, port, scheme);
    AsyncRun run = running.get();
    // The run's first chain is the enqueued call's own; later ones are calls it makes.
    if (run != null && !run.started) {
      run.started = true;
      run.call = call;
    }
    return call;
  }

  @Override
  public String[] headers(Object call) {
    return tracing.headers(call);
  }

  @Override
  public void activate(Object call) {
    tracing.activate(call);
  }

  @Override
  public void end(Object call, int status, Throwable error) {
    AsyncRun run = running.get();
    if (run != null && call != null && call == run.call) {
      // The callback runs next, in the enqueuing context; the span ends after it (suspend).
      tracing.deactivate(call);
      run.status = status;
      run.error = error;
      return;
    }
    tracing.end(call, status, error);
  }

  @Override
  public void enqueued(Object realCall) {
    if (!context.isActive()) {
      return;
    }
    Context current = Context.current();
    if (current != Context.root()) {
      queued.put(realCall, current);
    }
  }

  @Override
  public Object resume(Object realCall) {
    if (!context.isActive()) {
      return null;
    }
    Context enqueuedIn = queued.remove(realCall);
    AsyncRun run =
        new AsyncRun(enqueuedIn == null ? null : enqueuedIn.makeCurrent(), running.get());
    running.set(run);
    return run;
  }

  @Override
  public void suspend(Object state) {
    AsyncRun run = (AsyncRun) state;
    if (run.outer == null) {
      running.remove();
    } else {
      running.set(run.outer);
    }
    tracing.end(run.call, run.status, run.error);
    if (run.scope != null) {
      run.scope.close();
    }
  }

  /** One run of an enqueued call on a dispatcher thread. */
  private static final class AsyncRun {
    final Scope scope;
    final AsyncRun outer;
    boolean started;
    Object call;
    int status = -1;
    Throwable error;

    AsyncRun(Scope scope, AsyncRun outer) {
      this.scope = scope;
      this.outer = outer;
    }
  }
}
