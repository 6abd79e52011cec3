package dev.meerkat.collector.receiver;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Answers {@code INVALID_ARGUMENT} with the protobuf error when a request does not decode. The
 * service is bound with {@link #BYTES} on the wire, so the request is parsed inside the listener
 * this interceptor wraps, where the failure can be caught and answered.
 */
final class OtlpGrpcDecodeFailures implements ServerInterceptor {

  /** Passes the (decompressed, size-checked) message through as bytes. */
  static final MethodDescriptor.Marshaller<byte[]> BYTES =
      new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
          return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
          try {
            return stream.readAllBytes();
          } catch (IOException e) {
            throw Status.INTERNAL
                .withDescription("could not read the request")
                .withCause(e)
                .asRuntimeException();
          }
        }
      };

  private final String messageName;
  private final OtlpReceiverCounts counts;

  OtlpGrpcDecodeFailures(String messageName, OtlpReceiverCounts counts) {
    this.messageName = messageName;
    this.counts = counts;
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
      private boolean failed;

      @Override
      public void onMessage(Q message) {
        try {
          super.onMessage(message);
        } catch (StatusRuntimeException e) {
          failed = true;
          counts.badRequests.incrementAndGet();
          call.close(
              Status.INVALID_ARGUMENT.withDescription(
                  "could not decode " + messageName + " protobuf: " + reason(e)),
              new Metadata());
        }
      }

      // The call is closed: the unary handler must not also answer "missing request".
      @Override
      public void onHalfClose() {
        if (!failed) {
          super.onHalfClose();
        }
      }

      @Override
      public void onReady() {
        if (!failed) {
          super.onReady();
        }
      }
    };
  }

  private static String reason(StatusRuntimeException e) {
    Throwable cause = e.getCause();
    return cause != null && cause.getMessage() != null
        ? cause.getMessage()
        : e.getStatus().getDescription();
  }
}
