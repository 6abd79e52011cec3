package dev.meerkat.agent.tooling;

import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent side shared by HTTP client instrumentations whose advice wraps one synchronous
 * execution (OkHttp's interceptor chain, Apache HttpClient's {@code doExecute}): the advice reads
 * the request with the library's own types and passes plain strings here; it gets back the trace
 * headers to set, makes the call current while the library runs (so a client the library calls in
 * turn, or an interceptor's own client call, is not traced twice) and ends the call on exit. Every
 * method is safe to call with what the previous one returned, null included.
 */
public final class SyncHttpClientTracing {
  private static final String[] NO_HEADERS = new String[0];
  private static final TextMapSetter<List<String>> SETTER =
      new TextMapSetter<List<String>>() {
        @Override
        public void set(List<String> carrier, String key, String value) {
          if (carrier != null) {
            carrier.add(key);
            carrier.add(value);
          }
        }
      };

  private final InstrumentationContext context;
  private final HttpClientTelemetry telemetry;
  private final TextMapPropagator propagator;

  private SyncHttpClientTracing(InstrumentationContext context) {
    this.context = context;
    this.telemetry = HttpClientTelemetry.create(context);
    this.propagator = context.openTelemetry().getPropagators().getTextMapPropagator();
  }

  public static SyncHttpClientTracing create(InstrumentationContext context) {
    return new SyncHttpClientTracing(context);
  }

  /**
   * Starts a CLIENT call, child of the current context; null when the module is off or the current
   * context is inside another client call already.
   *
   * @param port the URL's port, or -1 for the scheme's default
   */
  public Object start(String method, String url, String host, int port, String scheme) {
    return start(Context.current(), method, url, host, port, scheme);
  }

  /** As {@link #start(String, String, String, int, String)}, child of {@code parent}. */
  public Object start(
      Context parent, String method, String url, String host, int port, String scheme) {
    if (!context.isActive()) {
      return null;
    }
    try {
      HttpClientCall call = telemetry.start(parent, method, url, host, port, scheme);
      return call == null ? null : new Traced(call);
    } catch (Throwable t) {
      context.fail(t);
      return null;
    }
  }

  /** The trace headers of the call as name, value pairs, to set on the outgoing request. */
  public String[] headers(Object call) {
    if (call == null) {
      return NO_HEADERS;
    }
    try {
      List<String> headers = new ArrayList<>(4);
      propagator.inject(((Traced) call).call.context(), headers, SETTER);
      return headers.toArray(new String[0]);
    } catch (Throwable t) {
      context.fail(t);
      return NO_HEADERS;
    }
  }

  /** Makes the call's context current on this thread until {@link #end}. */
  public void activate(Object call) {
    if (call != null) {
      Traced traced = (Traced) call;
      traced.scope = traced.call.context().makeCurrent();
    }
  }

  /** Restores the context {@link #activate} replaced; the span goes on until {@link #end}. */
  public void deactivate(Object call) {
    if (call == null) {
      return;
    }
    Traced traced = (Traced) call;
    try {
      if (traced.scope != null) {
        traced.scope.close();
        traced.scope = null;
      }
    } catch (Throwable t) {
      context.fail(t);
    }
  }

  /** Restores the context and ends the span; {@code status} < 0 means no response. */
  public void end(Object call, int status, Throwable error) {
    if (call == null) {
      return;
    }
    Traced traced = (Traced) call;
    try {
      if (traced.scope != null) {
        traced.scope.close();
        traced.scope = null;
      }
      traced.call.end(status, error);
    } catch (Throwable t) {
      context.fail(t);
    }
  }

  private static final class Traced {
    final HttpClientCall call;
    Scope scope;

    Traced(HttpClientCall call) {
      this.call = call;
    }
  }
}
