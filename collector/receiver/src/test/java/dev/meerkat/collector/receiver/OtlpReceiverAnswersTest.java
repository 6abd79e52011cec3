package dev.meerkat.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import dev.meerkat.collector.pipeline.PipelineSettings;
import dev.meerkat.store.model.SpanRecord;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every refusal an OTLP client can get, over both protocols, with the OTLP status it expects. */
class OtlpReceiverAnswersTest {

  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";
  private static final int MAX_BYTES = 64 * 1024;
  private static final MethodDescriptor<byte[], byte[]> RAW_TRACE_EXPORT =
      TraceServiceGrpc.getExportMethod().toBuilder(
              OtlpGrpcDecodeFailures.BYTES, OtlpGrpcDecodeFailures.BYTES)
          .build();

  static Status status(HttpResponse<byte[]> response) throws Exception {
    if (response.headers().firstValue("content-type").orElse("").equals(JSON)) {
      Status.Builder status = Status.newBuilder();
      JsonFormat.parser().merge(new String(response.body(), StandardCharsets.UTF_8), status);
      return status.build();
    }
    return Status.parseFrom(response.body());
  }

  static Status status(Code code, String message) {
    return Status.newBuilder().setCode(code.getNumber()).setMessage(message).build();
  }

  static Code code(StatusRuntimeException e) {
    return Code.forNumber(e.getStatus().getCode().value());
  }

  private static StatusRuntimeException grpcRaw(ReceiverHarness harness, byte[] body) {
    return catchThrowableOfType(
        StatusRuntimeException.class,
        () ->
            ClientCalls.blockingUnaryCall(
                harness.channel(),
                RAW_TRACE_EXPORT,
                CallOptions.DEFAULT.withDeadlineAfter(
                    ReceiverHarness.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS),
                body));
  }

  private static TraceServiceGrpc.TraceServiceBlockingStub traces(ReceiverHarness harness) {
    return TraceServiceGrpc.newBlockingStub(harness.channel())
        .withDeadlineAfter(ReceiverHarness.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  @Test
  void undecodableProtobufIsAPermanentFailureSayingWhy() throws Exception {
    byte[] garbage = {0x0a, (byte) 0xff, 0x01};
    String why =
        catchThrowableOfType(
                InvalidProtocolBufferException.class,
                () -> ExportTraceServiceRequest.parseFrom(garbage))
            .getMessage();
    try (ReceiverHarness harness = ReceiverHarness.start()) {
      HttpResponse<byte[]> http = harness.post("/v1/traces", PROTOBUF, false, garbage);
      StatusRuntimeException grpc = grpcRaw(harness, garbage);

      assertThat(http.statusCode()).isEqualTo(400);
      assertThat(http.headers().firstValue("content-type")).hasValue(PROTOBUF);
      assertThat(status(http))
          .isEqualTo(
              status(
                  Code.INVALID_ARGUMENT,
                  "could not decode ExportTraceServiceRequest protobuf: " + why));
      assertThat(code(grpc)).isEqualTo(Code.INVALID_ARGUMENT);
      assertThat(grpc.getStatus().getDescription())
          .isEqualTo("could not decode ExportTraceServiceRequest protobuf: " + why);
      assertThat(harness.httpSpans.counts().badRequests()).isEqualTo(1);
      assertThat(harness.grpcSpans.counts().badRequests()).isEqualTo(1);
    }
  }

  @Test
  void jsonWithAnIdThatIsNotHexIsAPermanentFailureAnsweredInJson() throws Exception {
    byte[] body =
        "{\"resourceSpans\":[{\"scopeSpans\":[{\"spans\":[{\"traceId\":\"not-hex\"}]}]}]}"
            .getBytes(StandardCharsets.UTF_8);
    try (ReceiverHarness harness = ReceiverHarness.start()) {
      HttpResponse<byte[]> response = harness.post("/v1/traces", JSON, false, body);

      assertThat(response.statusCode()).isEqualTo(400);
      assertThat(response.headers().firstValue("content-type")).hasValue(JSON);
      assertThat(status(response))
          .isEqualTo(
              status(
                  Code.INVALID_ARGUMENT,
                  "could not decode ExportTraceServiceRequest JSON: traceId 'not-hex' is not a hex"
                      + " string (OTLP/JSON ids are hex)"));
    }
  }

  @Test
  void jsonThatDoesNotParseIsAPermanentFailure() throws Exception {
    try (ReceiverHarness harness = ReceiverHarness.start()) {
      HttpResponse<byte[]> truncated =
          harness.post("/v1/metrics", JSON, false, "{\"resourceMetrics\": [".getBytes());
      HttpResponse<byte[]> array = harness.post("/v1/metrics", JSON, false, "[]".getBytes());
      HttpResponse<byte[]> wrongType =
          harness.post("/v1/metrics", JSON, false, "{\"resourceMetrics\": 7}".getBytes());

      assertThat(truncated.statusCode()).isEqualTo(400);
      assertThat(status(truncated).getMessage())
          .startsWith("could not decode ExportMetricsServiceRequest JSON: not valid JSON: ");
      assertThat(array.statusCode()).isEqualTo(400);
      assertThat(status(array))
          .isEqualTo(
              status(
                  Code.INVALID_ARGUMENT,
                  "could not decode ExportMetricsServiceRequest JSON: expected a JSON object at"
                      + " the top level"));
      assertThat(wrongType.statusCode()).isEqualTo(400);
      assertThat(harness.httpMetrics.counts().badRequests()).isEqualTo(3);
    }
  }

  @Test
  void unsupportedContentTypeIs415() throws Exception {
    try (ReceiverHarness harness = ReceiverHarness.start()) {
      HttpResponse<byte[]> response = harness.post("/v1/traces", "text/plain", false, new byte[1]);

      assertThat(response.statusCode()).isEqualTo(415);
      assertThat(status(response))
          .isEqualTo(
              status(
                  Code.INVALID_ARGUMENT,
                  "unsupported Content-Type text/plain; this receiver accepts"
                      + " application/x-protobuf and application/json (OTLP/HTTP)"));
    }
  }

  @Test
  void bodiesOverTheLimitAre413OverHttpAndResourceExhaustedOverGrpc() throws Exception {
    PipelineSettings settings = PipelineSettings.defaults();
    try (ReceiverHarness harness = ReceiverHarness.start(settings, MAX_BYTES)) {
      byte[] tooLarge = new byte[MAX_BYTES + 1];
      HttpResponse<byte[]> plain = harness.post("/v1/traces", PROTOBUF, false, tooLarge);
      // Compresses to a few hundred bytes: only the decompressed size can refuse it.
      HttpResponse<byte[]> bomb = harness.post("/v1/traces", PROTOBUF, true, tooLarge);
      StatusRuntimeException grpc = grpcRaw(harness, tooLarge);

      assertThat(plain.statusCode()).isEqualTo(413);
      assertThat(bomb.statusCode()).isEqualTo(413);
      assertThat(status(bomb))
          .isEqualTo(
              status(
                  Code.RESOURCE_EXHAUSTED,
                  "gzip body decompresses to more than " + MAX_BYTES + " bytes"));
      // grpc-java's own answer, without RetryInfo: OTLP exporters do not retry it.
      assertThat(code(grpc)).isEqualTo(Code.RESOURCE_EXHAUSTED);
      assertThat(grpc.getStatus().getDescription())
          .isEqualTo("gRPC message exceeds maximum size " + MAX_BYTES + ": " + (MAX_BYTES + 1));
      assertThat(StatusProto.fromThrowable(grpc).getDetailsList()).isEmpty();
    }
  }

  @Test
  void requestsWithMoreItemsThanTheQueueCanEverHoldArePermanentFailures() throws Exception {
    PipelineSettings settings = PipelineSettings.defaults().withQueueCapacity(2);
    ExportTraceServiceRequest threeSpans = GoldenRequests.traces();
    ExportTraceServiceRequest.Builder request = threeSpans.toBuilder();
    request
        .getResourceSpansBuilder(0)
        .getScopeSpansBuilder(0)
        .addSpans(threeSpans.getResourceSpans(0).getScopeSpans(0).getSpans(0));
    String why =
        "request holds 3 spans, more than the collector can ever queue at once (2); split it"
            + " into smaller requests (OTLP exporters: a smaller batch size)";
    try (ReceiverHarness harness = ReceiverHarness.start(settings, MAX_BYTES)) {
      HttpResponse<byte[]> http =
          harness.post("/v1/traces", PROTOBUF, false, request.build().toByteArray());
      StatusRuntimeException grpc =
          catchThrowableOfType(
              StatusRuntimeException.class, () -> traces(harness).export(request.build()));

      assertThat(http.statusCode()).isEqualTo(413);
      assertThat(status(http)).isEqualTo(status(Code.RESOURCE_EXHAUSTED, why));
      assertThat(code(grpc)).isEqualTo(Code.INVALID_ARGUMENT);
      assertThat(grpc.getStatus().getDescription()).isEqualTo(why);
      assertThat(harness.httpSpans.counts().refused()).isEqualTo(3);
      assertThat(harness.grpcSpans.counts().refused()).isEqualTo(3);
    }
  }

  @Test
  void aFullPipelineIsARetryableRefusalWithAHintWhenToRetry() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    // Batches of one: the writer holds the first span, the second stays queued, so the queue
    // (capacity 2) can never take the two spans of a request while the writer is blocked.
    PipelineSettings settings = PipelineSettings.defaults().withQueueCapacity(2).withBatchSize(1);
    ReceiverHarness harness =
        ReceiverHarness.start(
            settings,
            MAX_BYTES,
            spans -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    try {
      List<SpanRecord> two = GoldenRequests.expectedSpans();
      harness.spanProcessor.offer(two);
      HttpResponse<byte[]> http =
          harness.post("/v1/traces", PROTOBUF, false, GoldenRequests.traces().toByteArray());
      HttpResponse<byte[]> json =
          harness.post("/v1/traces", JSON, false, GoldenRequests.resource("traces.json"));
      StatusRuntimeException grpc =
          catchThrowableOfType(
              StatusRuntimeException.class, () -> traces(harness).export(GoldenRequests.traces()));

      String why = "collector queue is full; spans were not accepted, retry later";
      assertThat(http.statusCode()).isEqualTo(503);
      assertThat(http.headers().firstValue("retry-after")).hasValue("1");
      assertThat(status(http)).isEqualTo(status(Code.UNAVAILABLE, why));
      assertThat(json.statusCode()).isEqualTo(503);
      assertThat(json.headers().firstValue("retry-after")).hasValue("1");
      assertThat(status(json)).isEqualTo(status(Code.UNAVAILABLE, why));
      assertThat(code(grpc)).isEqualTo(Code.UNAVAILABLE);
      Status details = StatusProto.fromThrowable(grpc);
      assertThat(details.getMessage()).isEqualTo(why);
      assertThat(details.getDetailsList()).hasSize(1);
      assertThat(details.getDetails(0).unpack(RetryInfo.class).getRetryDelay())
          .isEqualTo(Duration.newBuilder().setSeconds(1).build());
      assertThat(harness.httpSpans.counts().refused()).isEqualTo(4);
      assertThat(harness.grpcSpans.counts().refused()).isEqualTo(2);
      assertThat(harness.httpSpans.counts().accepted()).isZero();
    } finally {
      release.countDown();
      harness.close();
    }
  }

  @Test
  void anExportWithoutItemsSucceeds() throws Exception {
    try (ReceiverHarness harness = ReceiverHarness.start()) {
      HttpResponse<byte[]> empty = harness.post("/v1/traces", PROTOBUF, false, new byte[0]);

      assertThat(empty.statusCode()).isEqualTo(200);
      assertThat(traces(harness).export(ExportTraceServiceRequest.getDefaultInstance()))
          .isEqualTo(ExportTraceServiceResponse.getDefaultInstance());
    }
  }
}
