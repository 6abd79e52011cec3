package dev.meerkat.agent.instrumentation.grpc;

import dev.meerkat.agent.bootstrap.grpc.GrpcHook;
import dev.meerkat.agent.tooling.InstrumentationContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** The {@link GrpcHook}: helper interceptors per class loader, and the calls' spans. */
final class GrpcTracer implements GrpcHook {
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
  private final RpcTelemetry telemetry;
  private final TextMapPropagator propagator;
  private final String[] fields;
  private final TextMapGetter<String[]> getter;
  private final HelperInterceptors clientInterceptors;
  private final HelperInterceptors serverInterceptors;

  GrpcTracer(InstrumentationContext context) {
    this.context = context;
    this.telemetry = RpcTelemetry.create(context);
    this.propagator = context.openTelemetry().getPropagators().getTextMapPropagator();
    Collection<String> names = propagator.fields();
    this.fields = names.toArray(new String[0]);
    final List<String> fieldList = Arrays.asList(fields);
    this.getter =
        new TextMapGetter<String[]>() {
          @Override
          public Iterable<String> keys(String[] values) {
            return fieldList;
          }

          @Override
          public String get(String[] values, String key) {
            int index = values == null ? -1 : fieldList.indexOf(key);
            return index < 0 || index >= values.length ? null : values[index];
          }
        };
    ClassLoader agentLoader = GrpcTracer.class.getClassLoader();
    this.clientInterceptors =
        new HelperInterceptors(context, agentLoader, "TracingClientInterceptor");
    this.serverInterceptors =
        new HelperInterceptors(context, agentLoader, "TracingServerInterceptor");
  }

  @Override
  public Object clientInterceptor(Class<?> grpcClass) {
    return clientInterceptors.get(grpcClass);
  }

  @Override
  public Object serverInterceptor(Class<?> grpcClass) {
    return serverInterceptors.get(grpcClass);
  }

  @Override
  public String[] propagationFields() {
    return fields.clone();
  }

  @Override
  public Object startClient(String fullMethodName, String authority) {
    if (!context.isActive()) {
      return null;
    }
    try {
      return telemetry.start(Context.current(), SpanKind.CLIENT, fullMethodName, authority);
    } catch (Throwable t) {
      context.fail(t);
      return null;
    }
  }

  @Override
  public String[] headers(Object call) {
    try {
      List<String> headers = new ArrayList<>(4);
      propagator.inject(((RpcCall) call).context(), headers, SETTER);
      return headers.toArray(new String[0]);
    } catch (Throwable t) {
      context.fail(t);
      return new String[0];
    }
  }

  @Override
  public void endClient(Object call, int statusCode, Throwable cause) {
    end(call, statusCode, cause);
  }

  @Override
  public Object startServer(String fullMethodName, String authority, String[] fieldValues) {
    if (!context.isActive()) {
      return null;
    }
    try {
      Context parent = propagator.extract(Context.root(), fieldValues, getter);
      return telemetry.start(parent, SpanKind.SERVER, fullMethodName, authority);
    } catch (Throwable t) {
      context.fail(t);
      return null;
    }
  }

  @Override
  public Object enter(Object call) {
    return ((RpcCall) call).context().makeCurrent();
  }

  @Override
  public void exit(Object scope) {
    ((Scope) scope).close();
  }

  @Override
  public void endServer(Object call, int statusCode, Throwable cause) {
    end(call, statusCode, cause);
  }

  private void end(Object call, int statusCode, Throwable cause) {
    try {
      ((RpcCall) call).end(statusCode, cause);
    } catch (Throwable t) {
      context.fail(t);
    }
  }
}
