package dev.meerkat.collector.receiver;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.grpc.MethodDescriptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;

/**
 * What every OTLP/gRPC service does alike: hand the request's bytes to the signal's {@link
 * OtlpIngest} to decode and offer, and answer per the OTLP/gRPC specification ("Failures"): OK with
 * the export response (possibly a partial success); {@code UNAVAILABLE} with a {@code RetryInfo}
 * when the pipeline is full (retryable); {@code INVALID_ARGUMENT} when the request can never fit or
 * does not decode (not retryable). A signal's service is a small class naming its generated export
 * method.
 *
 * @param <T> the record the pipeline takes
 */
final class OtlpGrpcReceiver<T> {

  private static final Duration RETRY_DELAY = Duration.newBuilder().setSeconds(1).build();

  private final OtlpIngest<?, T> ingest;
  private final OtlpReceiverCounts counts = new OtlpReceiverCounts();

  OtlpGrpcReceiver(OtlpIngest<?, T> ingest) {
    this.ingest = ingest;
  }

  OtlpReceiverCounts counts() {
    return counts;
  }

  /**
   * The service of the generated {@code export} method, taking the request as bytes ({@link
   * OtlpGrpcDecodeFailures#BYTES}): grpc-java does not build the message, the ingest decodes it,
   * and a request that does not decode is answered {@code INVALID_ARGUMENT} here.
   */
  <S> ServerServiceDefinition bind(MethodDescriptor<?, S> export) {
    MethodDescriptor<byte[], S> method =
        export.toBuilder(OtlpGrpcDecodeFailures.BYTES, export.getResponseMarshaller()).build();
    ServerCalls.UnaryMethod<byte[], S> handler = this::export;
    return ServerServiceDefinition.builder(export.getServiceName())
        .addMethod(method, ServerCalls.asyncUnaryCall(handler))
        .build();
  }

  private <S> void export(byte[] request, StreamObserver<S> responses) {
    OtlpIngest.Mapped<T> decoded;
    try {
      decoded = ingest.decode(request);
    } catch (InvalidProtocolBufferException e) {
      counts.badRequests.incrementAndGet();
      responses.onError(
          error(
              Code.INVALID_ARGUMENT,
              "could not decode " + ingest.messageName() + " protobuf: " + e.getMessage()));
      return;
    }
    ingest
        .export(decoded, counts)
        .whenComplete(
            (outcome, failure) -> {
              if (failure != null) {
                responses.onError(
                    error(Code.INTERNAL, "collector failed to take the request: " + failure));
                return;
              }
              answer(outcome, responses);
            });
  }

  private static <S> void answer(OtlpOutcome outcome, StreamObserver<S> responses) {
    switch (outcome.kind()) {
      case SUCCESS -> {
        @SuppressWarnings("unchecked") // the ingest builds the response of its own signal
        S response = (S) outcome.response();
        responses.onNext(response);
        responses.onCompleted();
      }
      case RETRY_LATER ->
          // OTLP: UNAVAILABLE is retryable; RetryInfo says after how long.
          responses.onError(
              error(
                  Code.UNAVAILABLE,
                  outcome.message(),
                  Any.pack(RetryInfo.newBuilder().setRetryDelay(RETRY_DELAY).build())));
      case TOO_LARGE ->
          // Not RESOURCE_EXHAUSTED: OTLP makes that retryable when it carries RetryInfo, and
          // retrying can never help here; INVALID_ARGUMENT is OTLP's "do not retry".
          responses.onError(error(Code.INVALID_ARGUMENT, outcome.message()));
    }
  }

  private static StatusRuntimeException error(Code code, String message, Any... details) {
    Status.Builder status = Status.newBuilder().setCode(code.getNumber()).setMessage(message);
    for (Any detail : details) {
      status.addDetails(detail);
    }
    return StatusProto.toStatusRuntimeException(status.build());
  }
}
