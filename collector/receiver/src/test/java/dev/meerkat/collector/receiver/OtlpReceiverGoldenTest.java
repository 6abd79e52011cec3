package dev.meerkat.collector.receiver;

import static dev.meerkat.collector.receiver.GoldenRequests.expectedPoints;
import static dev.meerkat.collector.receiver.GoldenRequests.expectedSpans;
import static dev.meerkat.collector.receiver.GoldenRequests.resource;
import static dev.meerkat.collector.receiver.ReceiverHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Golden requests through real servers, both protocols, both encodings, gzip or not. */
class OtlpReceiverGoldenTest {

  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";

  private ReceiverHarness harness;

  @BeforeEach
  void start() {
    harness = ReceiverHarness.start();
  }

  @AfterEach
  void stop() throws InterruptedException {
    harness.close();
  }

  private TraceServiceGrpc.TraceServiceBlockingStub traceStub(boolean gzip) {
    TraceServiceGrpc.TraceServiceBlockingStub stub =
        TraceServiceGrpc.newBlockingStub(harness.channel())
            .withDeadlineAfter(ReceiverHarness.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return gzip ? stub.withCompression("gzip") : stub;
  }

  private MetricsServiceGrpc.MetricsServiceBlockingStub metricStub(boolean gzip) {
    MetricsServiceGrpc.MetricsServiceBlockingStub stub =
        MetricsServiceGrpc.newBlockingStub(harness.channel())
            .withDeadlineAfter(ReceiverHarness.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    return gzip ? stub.withCompression("gzip") : stub;
  }

  @Test
  void jsonGoldenFilesDecodeToTheRequestsBuiltAsProtobuf() throws Exception {
    ExportTraceServiceRequest.Builder traces = ExportTraceServiceRequest.newBuilder();
    OtlpJson.merge(resource("traces.json"), traces);
    ExportMetricsServiceRequest.Builder metrics = ExportMetricsServiceRequest.newBuilder();
    OtlpJson.merge(resource("metrics.json"), metrics);

    assertThat(traces.build()).isEqualTo(GoldenRequests.traces());
    assertThat(metrics.build()).isEqualTo(GoldenRequests.metrics());
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void httpProtobufTracesBecomeExactSpanRecords(boolean gzip) throws Exception {
    HttpResponse<byte[]> response =
        harness.post("/v1/traces", PROTOBUF, gzip, GoldenRequests.traces().toByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue(PROTOBUF);
    assertThat(ExportTraceServiceResponse.parseFrom(response.body()))
        .isEqualTo(ExportTraceServiceResponse.getDefaultInstance());
    assertThat(await(harness.spans, 2)).containsExactlyElementsOf(expectedSpans());
    assertThat(harness.httpSpans.counts().accepted()).isEqualTo(2);
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void httpJsonTracesBecomeExactSpanRecords(boolean gzip) throws Exception {
    HttpResponse<byte[]> response = harness.post("/v1/traces", JSON, gzip, resource("traces.json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue(JSON);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(await(harness.spans, 2)).containsExactlyElementsOf(expectedSpans());
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void grpcTracesBecomeExactSpanRecords(boolean gzip) {
    ExportTraceServiceResponse response = traceStub(gzip).export(GoldenRequests.traces());

    assertThat(response).isEqualTo(ExportTraceServiceResponse.getDefaultInstance());
    assertThat(await(harness.spans, 2)).containsExactlyElementsOf(expectedSpans());
    assertThat(harness.grpcSpans.counts().accepted()).isEqualTo(2);
    assertThat(harness.httpSpans.counts().received()).isZero();
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void httpProtobufMetricsBecomeExactPointRecords(boolean gzip) throws Exception {
    HttpResponse<byte[]> response =
        harness.post("/v1/metrics", PROTOBUF, gzip, GoldenRequests.metrics().toByteArray());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(ExportMetricsServiceResponse.parseFrom(response.body()))
        .isEqualTo(ExportMetricsServiceResponse.getDefaultInstance());
    assertThat(await(harness.points, 3)).containsExactlyElementsOf(expectedPoints());
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void httpJsonMetricsBecomeExactPointRecords(boolean gzip) throws Exception {
    HttpResponse<byte[]> response =
        harness.post("/v1/metrics", JSON, gzip, resource("metrics.json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("content-type")).hasValue(JSON);
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{}");
    assertThat(await(harness.points, 3)).containsExactlyElementsOf(expectedPoints());
  }

  @ParameterizedTest(name = "gzip={0}")
  @ValueSource(booleans = {false, true})
  void grpcMetricsBecomeExactPointRecords(boolean gzip) {
    ExportMetricsServiceResponse response = metricStub(gzip).export(GoldenRequests.metrics());

    assertThat(response).isEqualTo(ExportMetricsServiceResponse.getDefaultInstance());
    assertThat(await(harness.points, 3)).containsExactlyElementsOf(expectedPoints());
    assertThat(harness.grpcMetrics.counts().accepted()).isEqualTo(3);
  }

  private static ExportTraceServiceRequest withInvalidSpan() {
    Span invalid =
        GoldenRequests.traces().getResourceSpans(0).getScopeSpans(0).getSpans(0).toBuilder()
            .setName("bad")
            .setSpanId(ByteString.copyFrom(new byte[3]))
            .build();
    ExportTraceServiceRequest.Builder request = GoldenRequests.traces().toBuilder();
    request.getResourceSpansBuilder(0).getScopeSpansBuilder(0).addSpans(invalid);
    return request.build();
  }

  @Test
  void partialSuccessCarriesTheRejectedCountAndWhyInEachEncodingAndProtocol() throws Exception {
    ExportTraceServiceRequest request = withInvalidSpan();
    String why = "span 'bad' has a span_id of 3 bytes, expected 8";

    HttpResponse<byte[]> protobuf =
        harness.post("/v1/traces", PROTOBUF, false, request.toByteArray());
    HttpResponse<byte[]> json =
        harness.post(
            "/v1/traces",
            JSON,
            false,
            new String(resource("traces.json"), StandardCharsets.UTF_8)
                .replace(
                    "\"spanId\": \"eee19b7ec3c1b175\"", "\"spanId\": \"000000\", \"name\": \"bad\"")
                .replace("\"name\": \"POST\",", "")
                .getBytes(StandardCharsets.UTF_8));
    ExportTraceServiceResponse grpc = traceStub(false).export(request);

    assertThat(protobuf.statusCode()).isEqualTo(200);
    ExportTraceServiceResponse fromProtobuf = ExportTraceServiceResponse.parseFrom(protobuf.body());
    assertThat(fromProtobuf.getPartialSuccess().getRejectedSpans()).isEqualTo(1);
    assertThat(fromProtobuf.getPartialSuccess().getErrorMessage()).isEqualTo(why);
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(new String(json.body(), StandardCharsets.UTF_8))
        // protobuf's JSON printer escapes ' as \u0027 (valid JSON, HTML-safe).
        .isEqualTo(
            "{\"partialSuccess\":{\"rejectedSpans\":\"1\",\"errorMessage\":\""
                + why.replace("'", "\\u0027")
                + "\"}}");
    assertThat(grpc).isEqualTo(fromProtobuf);
    // Two valid spans each over HTTP protobuf and gRPC, one over JSON (its other is the bad one).
    assertThat(await(harness.spans, 5)).hasSize(5);
    assertThat(harness.httpSpans.counts().rejected()).isEqualTo(2);
    assertThat(harness.grpcSpans.counts().rejected()).isEqualTo(1);
  }
}
