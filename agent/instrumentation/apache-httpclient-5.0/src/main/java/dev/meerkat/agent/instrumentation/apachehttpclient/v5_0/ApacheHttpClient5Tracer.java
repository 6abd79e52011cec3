package dev.meerkat.agent.instrumentation.apachehttpclient.v5_0;

import dev.meerkat.agent.bootstrap.apachehttpclient5.ApacheHttpClient5Hook;
import dev.meerkat.agent.tooling.HelperClassLoader;
import dev.meerkat.agent.tooling.HttpClientTelemetry;
import dev.meerkat.agent.tooling.InstrumentationContext;
import dev.meerkat.agent.tooling.SyncHttpClientTracing;
import io.opentelemetry.context.Context;

/**
 * The {@link ApacheHttpClient5Hook}: classic executions through {@link SyncHttpClientTracing};
 * async ones start in the context of the code that made them and end from the I/O thread.
 */
final class ApacheHttpClient5Tracer implements ApacheHttpClient5Hook {
  private static final String HELPERS =
      "dev.meerkat.agent.instrumentation.apachehttpclient.v5_0.helper.";
  private static final String[] HELPER_CLASSES = {
    HELPERS + "TracingAsyncWrapper",
    HELPERS + "TracingProducer",
    HELPERS + "TracingProducer$1",
    HELPERS + "TracingConsumer",
    HELPERS + "TracingCallback"
  };
  private static final String[] NO_HEADERS = new String[0];

  private final InstrumentationContext context;
  private final SyncHttpClientTracing tracing;

  /**
   * One wrapper per HttpClient class loader, kept with the client class (see HelperClassLoader).
   */
  private final ClassValue<Object> wrappers =
      new ClassValue<Object>() {
        @Override
        protected Object computeValue(Class<?> clientClass) {
          if (!context.isActive()) {
            return null;
          }
          try {
            return new HelperClassLoader(
                    clientClass.getClassLoader(),
                    ApacheHttpClient5Tracer.class.getClassLoader(),
                    HELPER_CLASSES)
                .newInstance(HELPERS + "TracingAsyncWrapper");
          } catch (Throwable t) {
            context.fail(t);
            return null;
          }
        }
      };

  ApacheHttpClient5Tracer(InstrumentationContext context) {
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
  public Object asyncWrapper(Class<?> clientClass) {
    return wrappers.get(clientClass);
  }

  @Override
  public Object asyncStart() {
    if (!context.isActive()) {
      return null;
    }
    Context current = Context.current();
    return HttpClientTelemetry.insideClientCall(current) ? null : new AsyncState(current);
  }

  @Override
  public String[] asyncRequest(
      Object state, String method, String url, String host, int port, String scheme) {
    AsyncState async = (AsyncState) state;
    synchronized (async) {
      // A producer sent again (a retry) stays in the first span.
      if (async.call != null) {
        return NO_HEADERS;
      }
      async.call = tracing.start(async.parent, method, url, host, port, scheme);
      return tracing.headers(async.call);
    }
  }

  @Override
  public void asyncResponse(Object state, int status) {
    ((AsyncState) state).status = status;
  }

  @Override
  public void asyncEnd(Object state, Throwable error) {
    AsyncState async = (AsyncState) state;
    Object call;
    synchronized (async) {
      call = async.call;
    }
    tracing.end(call, async.status, error);
  }

  /** An async execution: the context it was made in, its call once sent, its status. */
  private static final class AsyncState {
    final Context parent;
    Object call;
    volatile int status = -1;

    AsyncState(Context parent) {
      this.parent = parent;
    }
  }
}
