package dev.meerkat.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.Span;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest rate limit and the request size limit as configured, on a real collector over both
 * protocols; the rate limit's time is a ticker the test advances.
 */
class IngestLimitsIT {

  private static final long SECOND = 1_000_000_000L;
  private static final int MAX_BODY_BYTES = 64 * 1024;
  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static final HttpClient http = HttpClient.newHttpClient();
  private static final AtomicLong now = new AtomicLong();
  private static Collector collector;
  private static ManagedChannel channel;

  @TempDir static Path dataDir;

  @BeforeAll
  static void startCollector() {
    collector =
        Collector.start(
            TestCollectorConfig.with(
                clickHouse.url(),
                clickHouse.newDatabaseConfig().database(),
                dataDir,
                Map.of(
                    "MEERKAT_INGEST_RATE_LIMIT", "1",
                    "MEERKAT_INGEST_RATE_BURST", "2",
                    "MEERKAT_MAX_BODY_BYTES", Integer.toString(MAX_BODY_BYTES))),
            now::get);
    channel =
        Grpc.newChannelBuilderForAddress(
                "127.0.0.1", collector.otlpGrpcPort(), InsecureChannelCredentials.create())
            .maxInboundMessageSize(4 * MAX_BODY_BYTES)
            .build();
  }

  @AfterAll
  static void stopCollector() throws InterruptedException {
    channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    collector.close();
  }

  @BeforeEach
  void refillTheBucket() {
    now.addAndGet(10 * SECOND);
  }

  @Test
  void pastTheRateLimitHttpIs429AndGrpcResourceExhaustedUntilAPermitIsDue() throws Exception {
    long httpBefore =
        IngestAuthenticationIT.counter(collector, "ingest_rate_limited_total", "protocol=\"http\"");
    long grpcBefore =
        IngestAuthenticationIT.counter(collector, "ingest_rate_limited_total", "protocol=\"grpc\"");

    assertThat(post(traces("limited", "")).statusCode()).isEqualTo(200);
    export(traces("limited", ""));
    HttpResponse<byte[]> limited = post(traces("limited", ""));
    StatusRuntimeException grpcLimited =
        catchThrowableOfType(StatusRuntimeException.class, () -> export(traces("limited", "")));
    now.addAndGet(SECOND - 1);
    int stillLimited = post(traces("limited", "")).statusCode();
    now.addAndGet(1);
    int afterASecond = post(traces("limited", "")).statusCode();

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("retry-after")).hasValue("1");
    assertThat(grpcLimited.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
    assertThat(grpcLimited.getStatus().getDescription())
        .isEqualTo("the collector's ingest rate limit is reached: retry after 1 s");
    assertThat(stillLimited).isEqualTo(429);
    assertThat(afterASecond).isEqualTo(200);
    assertThat(
            IngestAuthenticationIT.counter(
                collector, "ingest_rate_limited_total", "protocol=\"http\""))
        .isEqualTo(httpBefore + 2);
    assertThat(
            IngestAuthenticationIT.counter(
                collector, "ingest_rate_limited_total", "protocol=\"grpc\""))
        .isEqualTo(grpcBefore + 1);
  }

  @Test
  void aRequestOverTheConfiguredSizeIs413OverHttpAndResourceExhaustedOverGrpc() throws Exception {
    ExportTraceServiceRequest large = traces("too-large", "x".repeat(MAX_BODY_BYTES));
    assertThat(large.getSerializedSize()).isGreaterThan(MAX_BODY_BYTES);

    HttpResponse<byte[]> response = post(large);
    StatusRuntimeException grpc =
        catchThrowableOfType(StatusRuntimeException.class, () -> export(large));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(grpc.getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
  }

  private static ExportTraceServiceRequest traces(String service, String attributeValue) {
    return OtlpRequests.traces(
        service,
        OtlpRequests.span("ccccccccccccccc1", "GET /", Span.SpanKind.SPAN_KIND_SERVER, 5)
            .addAttributes(OtlpRequests.attribute("payload", attributeValue))
            .build());
  }

  private static HttpResponse<byte[]> post(ExportTraceServiceRequest request) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + collector.otlpHttpPort() + "/v1/traces"))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/x-protobuf")
            .POST(HttpRequest.BodyPublishers.ofByteArray(request.toByteArray()))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void export(ExportTraceServiceRequest request) {
    TraceServiceGrpc.newBlockingStub(channel)
        .withDeadlineAfter(30, TimeUnit.SECONDS)
        .export(request);
  }
}
