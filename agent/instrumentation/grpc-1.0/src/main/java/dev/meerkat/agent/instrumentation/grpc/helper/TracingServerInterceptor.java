package dev.meerkat.agent.instrumentation.grpc.helper;

import dev.meerkat.agent.bootstrap.grpc.GrpcBridge;
import dev.meerkat.agent.bootstrap.grpc.GrpcHook;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Helper class defined next to the application's gRPC (never in the agent class loader): one SERVER
 * span per call, parent taken from the metadata, current while the application's code runs (each
 * listener callback), ended when the call is closed or cancelled.
 */
public final class TracingServerInterceptor implements ServerInterceptor {
  private final String[] fields;
  private final Metadata.Key<?>[] keys;

  public TracingServerInterceptor() {
    GrpcHook hook = GrpcBridge.hook;
    fields = hook == null ? new String[0] : hook.propagationFields();
    keys = new Metadata.Key<?>[fields.length];
    for (int i = 0; i < fields.length; i++) {
      keys[i] = Metadata.Key.of(fields[i], Metadata.ASCII_STRING_MARSHALLER);
    }
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> serverCall, Metadata headers, ServerCallHandler<Q, R> next) {
    GrpcHook hook = GrpcBridge.hook;
    Object call = null;
    if (hook != null) {
      String[] values = new String[keys.length];
      for (int i = 0; i < keys.length; i++) {
        values[i] = (String) headers.get(keys[i]);
      }
      call =
          hook.startServer(
              serverCall.getMethodDescriptor().getFullMethodName(),
              serverCall.getAuthority(),
              values);
    }
    if (call == null) {
      return next.startCall(serverCall, headers);
    }
    Object scope = hook.enter(call);
    try {
      return new TracingListener<>(
          next.startCall(new TracingServerCall<>(serverCall, hook, call), headers), hook, call);
    } catch (RuntimeException | Error e) {
      hook.endServer(call, Status.Code.UNKNOWN.value(), e);
      throw e;
    } finally {
      hook.exit(scope);
    }
  }

  static final class TracingServerCall<Q, R>
      extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
    private final GrpcHook hook;
    private final Object call;

    TracingServerCall(ServerCall<Q, R> delegate, GrpcHook hook, Object call) {
      super(delegate);
      this.hook = hook;
      this.call = call;
    }

    @Override
    public void close(Status status, Metadata trailers) {
      hook.endServer(call, status.getCode().value(), status.getCause());
      super.close(status, trailers);
    }
  }

  static final class TracingListener<Q>
      extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
    private final GrpcHook hook;
    private final Object call;

    TracingListener(ServerCall.Listener<Q> delegate, GrpcHook hook, Object call) {
      super(delegate);
      this.hook = hook;
      this.call = call;
    }

    @Override
    public void onMessage(Q message) {
      Object scope = hook.enter(call);
      try {
        super.onMessage(message);
      } finally {
        hook.exit(scope);
      }
    }

    @Override
    public void onHalfClose() {
      Object scope = hook.enter(call);
      try {
        super.onHalfClose();
      } finally {
        hook.exit(scope);
      }
    }

    @Override
    public void onCancel() {
      Object scope = hook.enter(call);
      try {
        super.onCancel();
      } finally {
        hook.exit(scope);
        // Ends nothing when close came first (end is once only).
        hook.endServer(call, Status.Code.CANCELLED.value(), null);
      }
    }

    @Override
    public void onComplete() {
      Object scope = hook.enter(call);
      try {
        super.onComplete();
      } finally {
        hook.exit(scope);
      }
    }

    @Override
    public void onReady() {
      Object scope = hook.enter(call);
      try {
        super.onReady();
      } finally {
        hook.exit(scope);
      }
    }
  }
}
