package dev.meerkat.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.collector.pipeline.PipelineSettings;
import io.grpc.CallOptions;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Feeds seeded random mutations of valid requests to the three decoders (OTLP/HTTP protobuf,
 * OTLP/HTTP JSON, OTLP/gRPC) through real servers. Every answer must be a success or a permanent
 * client error: never a server error, an escaped exception or a hang (each request has a timeout).
 */
class OtlpDecoderFuzzTest {

  private static final long SEED = 20261130L;
  private static final int ITERATIONS = 20_000;
  private static final int MAX_BYTES = 1 << 20;
  private static final Set<Integer> HTTP_ANSWERS = Set.of(200, 400, 413);
  private static final Set<Status.Code> GRPC_ANSWERS =
      Set.of(Status.Code.OK, Status.Code.INVALID_ARGUMENT);

  private static final MethodDescriptor<byte[], byte[]> RAW_TRACES =
      raw(TraceServiceGrpc.getExportMethod());
  private static final MethodDescriptor<byte[], byte[]> RAW_METRICS =
      raw(MetricsServiceGrpc.getExportMethod());

  private static MethodDescriptor<byte[], byte[]> raw(MethodDescriptor<?, ?> method) {
    return method.toBuilder(OtlpGrpcDecodeFailures.BYTES, OtlpGrpcDecodeFailures.BYTES).build();
  }

  @Test
  void mutatedRequestsAreAnsweredAsSuccessOrClientErrorNeverAsServerError() throws Exception {
    Random random = new Random(SEED);
    OtlpMutator mutator = new OtlpMutator(random);
    byte[][] protobuf = {
      GoldenRequests.traces().toByteArray(), GoldenRequests.metrics().toByteArray()
    };
    byte[][] json = {
      GoldenRequests.resource("traces.json"), GoldenRequests.resource("metrics.json")
    };
    PipelineSettings settings = PipelineSettings.defaults().withFlushInterval(Duration.ofMillis(5));
    // Spans are dropped by the writer; the decoders, not storage, are under test.
    try (ReceiverHarness harness = ReceiverHarness.start(settings, MAX_BYTES, spans -> {})) {
      // Per decoder: answers that took the request, answers that refused it.
      int[][] tally = new int[3][2];
      for (int i = 0; i < ITERATIONS; i++) {
        int decoder = i % 3;
        int signal = random.nextInt(2);
        boolean gzip = random.nextInt(4) == 0;
        byte[] body = mutator.mutate(decoder == 1 ? json[signal] : protobuf[signal], decoder == 1);
        String replay =
            "iteration "
                + i
                + ", gzip "
                + gzip
                + ", body "
                + Base64.getEncoder().encodeToString(body);
        if (decoder == 2) {
          Status.Code code = grpc(harness, signal == 0 ? RAW_TRACES : RAW_METRICS, gzip, body);
          assertThat(code).as(replay).isIn(GRPC_ANSWERS);
          tally[decoder][code == Status.Code.OK ? 0 : 1]++;
        } else {
          String path = signal == 0 ? "/v1/traces" : "/v1/metrics";
          String type = decoder == 1 ? "application/json" : "application/x-protobuf";
          HttpResponse<byte[]> response;
          try {
            response = harness.post(path, type, gzip, body);
          } catch (IOException e) {
            throw new AssertionError("no answer (" + e + ") to " + path + " " + replay, e);
          }
          assertThat(response.statusCode()).as(replay).isIn(HTTP_ANSWERS);
          tally[decoder][response.statusCode() == 200 ? 0 : 1]++;
        }
        harness.points.clear();
      }
      // The mutations reach both outcomes in every decoder, or the test proves little.
      for (int[] answers : tally) {
        assertThat(answers[0]).isPositive();
        assertThat(answers[1]).isPositive();
      }
    }
  }

  private static Status.Code grpc(
      ReceiverHarness harness, MethodDescriptor<byte[], byte[]> method, boolean gzip, byte[] body) {
    CallOptions options =
        CallOptions.DEFAULT.withDeadlineAfter(
            ReceiverHarness.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    try {
      ClientCalls.blockingUnaryCall(
          harness.channel(), method, gzip ? options.withCompression("gzip") : options, body);
      return Status.Code.OK;
    } catch (StatusRuntimeException e) {
      return e.getStatus().getCode();
    }
  }
}
