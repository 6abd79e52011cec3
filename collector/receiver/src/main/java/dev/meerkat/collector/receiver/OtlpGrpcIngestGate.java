package dev.meerkat.collector.receiver;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * The {@link IngestGate} in front of the OTLP/gRPC services: {@code UNAUTHENTICATED} for a missing,
 * malformed or unknown token (not retryable in OTLP), {@code RESOURCE_EXHAUSTED} with a {@code
 * RetryInfo} past the rate limit (retryable), both with a message; the call is closed before its
 * message is read.
 */
public final class OtlpGrpcIngestGate implements ServerInterceptor {

  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final IngestGate gate;

  private OtlpGrpcIngestGate(IngestGate gate) {
    this.gate = gate;
  }

  public static OtlpGrpcIngestGate create(IngestGate gate) {
    return new OtlpGrpcIngestGate(gate);
  }

  @Override
  public <Q, A> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, A> call, Metadata headers, ServerCallHandler<Q, A> next) {
    IngestGate.Decision decision =
        gate.admit(
            headers.get(AUTHORIZATION),
            remoteAddress(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)));
    if (decision.kind() == IngestGate.Decision.Kind.ADMIT) {
      return next.startCall(call, headers);
    }
    StatusRuntimeException refusal = refusal(decision);
    call.close(refusal.getStatus(), refusal.getTrailers());
    return new ServerCall.Listener<>() {};
  }

  private static StatusRuntimeException refusal(IngestGate.Decision decision) {
    Status.Builder status = Status.newBuilder().setMessage(decision.message());
    if (decision.kind() == IngestGate.Decision.Kind.UNAUTHENTICATED) {
      status.setCode(Code.UNAUTHENTICATED.getNumber());
    } else {
      Duration delay = Duration.newBuilder().setSeconds(decision.retryAfterSeconds()).build();
      status
          .setCode(Code.RESOURCE_EXHAUSTED.getNumber())
          .addDetails(Any.pack(RetryInfo.newBuilder().setRetryDelay(delay).build()));
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }

  private static String remoteAddress(SocketAddress address) {
    return address instanceof InetSocketAddress inet
        ? inet.getAddress().getHostAddress()
        : String.valueOf(address);
  }
}
