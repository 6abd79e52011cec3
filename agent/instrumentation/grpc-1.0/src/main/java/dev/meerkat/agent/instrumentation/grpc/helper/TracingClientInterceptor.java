package dev.meerkat.agent.instrumentation.grpc.helper;

import dev.meerkat.agent.bootstrap.grpc.GrpcBridge;
import dev.meerkat.agent.bootstrap.grpc.GrpcHook;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * Helper class defined next to the application's gRPC (never in the agent class loader): one CLIENT
 * span per call, from {@code start} to the listener's {@code onClose}, with the trace context in
 * the call's metadata.
 */
public final class TracingClientInterceptor implements ClientInterceptor {
  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(
      MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    return new TracingClientCall<>(
        next.newCall(method, options), method.getFullMethodName(), next.authority());
  }

  static final class TracingClientCall<Q, R>
      extends ForwardingClientCall.SimpleForwardingClientCall<Q, R> {
    private final String fullMethodName;
    private final String authority;

    TracingClientCall(ClientCall<Q, R> delegate, String fullMethodName, String authority) {
      super(delegate);
      this.fullMethodName = fullMethodName;
      this.authority = authority;
    }

    @Override
    public void start(Listener<R> listener, Metadata headers) {
      GrpcHook hook = GrpcBridge.hook;
      Object call = hook == null ? null : hook.startClient(fullMethodName, authority);
      if (call == null) {
        super.start(listener, headers);
        return;
      }
      String[] trace = hook.headers(call);
      for (int i = 0; i + 1 < trace.length; i += 2) {
        Metadata.Key<String> key = Metadata.Key.of(trace[i], Metadata.ASCII_STRING_MARSHALLER);
        headers.removeAll(key);
        headers.put(key, trace[i + 1]);
      }
      try {
        super.start(new TracingListener<>(listener, hook, call), headers);
      } catch (RuntimeException | Error e) {
        hook.endClient(call, Status.Code.UNKNOWN.value(), e);
        throw e;
      }
    }
  }

  static final class TracingListener<R>
      extends ForwardingClientCallListener.SimpleForwardingClientCallListener<R> {
    private final GrpcHook hook;
    private final Object call;

    TracingListener(ClientCall.Listener<R> delegate, GrpcHook hook, Object call) {
      super(delegate);
      this.hook = hook;
      this.call = call;
    }

    @Override
    public void onClose(Status status, Metadata trailers) {
      hook.endClient(call, status.getCode().value(), status.getCause());
      super.onClose(status, trailers);
    }
  }
}
