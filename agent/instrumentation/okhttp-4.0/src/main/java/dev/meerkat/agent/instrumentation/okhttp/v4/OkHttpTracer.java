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
 * The {@link OkHttpHook}: spans through {@link SyncHttpClientTracing}, contexts of queued calls.
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

  OkHttpTracer(InstrumentationContext context) {
    this.context = context;
    this.tracing = SyncHttpClientTracing.create(context);
  }

  @Override
  public Object start(String method, String url, String host, int port, String scheme) {
    return tracing.start(method, url, host, port, scheme);
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
    Context enqueuedIn = queued.remove(realCall);
    return enqueuedIn == null ? null : enqueuedIn.makeCurrent();
  }

  @Override
  public void suspend(Object scope) {
    ((Scope) scope).close();
  }
}
