package dev.meerkat.collector.receiver;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.Message;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.StreamObserver;

/**
 * What every OTLP/gRPC service does alike: hand the decoded request to the signal's {@link
 * OtlpIngest} and answer per the OTLP/gRPC specification ("Failures"): OK with the export response
 * (possibly a partial success); {@code UNAVAILABLE} with a {@code RetryInfo} when the pipeline is
 * full (retryable); {@code INVALID_ARGUMENT} when the request can never fit or does not decode (not
 * retryable). A signal's service is a small class extending the generated {@code ...ImplBase} that
 * delegates {@code export} here.
 *
 * @param <R> the OTLP export request message
 * @param <S> the OTLP export response message
 */
final class OtlpGrpcReceiver<R extends Message, S extends Message> {

  private static final Duration RETRY_DELAY = Duration.newBuilder().setSeconds(1).build();

  private final OtlpIngest<R, ?> ingest;
  private final OtlpReceiverCounts counts = new OtlpReceiverCounts();

  OtlpGrpcReceiver(OtlpIngest<R, ?> ingest) {
    this.ingest = ingest;
  }

  OtlpReceiverCounts counts() {
    return counts;
  }

  /**
   * The service's definition with decoding moved where a failure can be answered {@code
   * INVALID_ARGUMENT} (grpc-java itself would answer a request that does not parse with a status
   * the OTLP exporters treat as unknown).
   */
  ServerServiceDefinition bind(ServerServiceDefinition generated) {
    return ServerInterceptors.intercept(
        ServerInterceptors.useMarshalledMessages(generated, OtlpGrpcDecodeFailures.BYTES),
        new OtlpGrpcDecodeFailures(ingest.messageName(), counts));
  }

  void export(R request, StreamObserver<S> responses) {
    ingest
        .export(request, counts)
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
