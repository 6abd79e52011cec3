package dev.meerkat.collector.receiver;

import static dev.meerkat.collector.receiver.OtlpReceiverAnswersTest.code;
import static dev.meerkat.collector.receiver.OtlpReceiverAnswersTest.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.protobuf.Duration;
import com.google.rpc.Code;
import com.google.rpc.RetryInfo;
import com.google.rpc.Status;
import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.grpc.stub.MetadataUtils;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The ingest gate in front of real OTLP/HTTP and OTLP/gRPC servers: the answers a sender without a
 * known token or past the rate limit gets, what is counted, and what is logged.
 */
class OtlpIngestGateTest {

  private static final String PROTOBUF = "application/x-protobuf";
  private static final String JSON = "application/json";
  private static final String CHECKOUT_TOKEN = "checkout-0123456789abcdef";
  private static final String BILLING_TOKEN = "billing-0123456789abcdef";
  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(7 * SECOND);
  private final IngestAuthenticator authenticator =
      IngestAuthenticator.create(
          List.of(
              new IngestToken("checkout", CHECKOUT_TOKEN),
              new IngestToken("billing", BILLING_TOKEN)));
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger refusalLogger = (Logger) LoggerFactory.getLogger(IngestRefusalLog.class);

  @BeforeEach
  void captureLog() {
    log.start();
    refusalLogger.addAppender(log);
  }

  @AfterEach
  void releaseLog() {
    refusalLogger.detachAppender(log);
  }

  private ReceiverHarness start(IngestRateLimiter limiter) {
    return ReceiverHarness.startGated(
        IngestGate.create(authenticator, limiter, "http", now::get),
        IngestGate.create(authenticator, limiter, "grpc", now::get));
  }

  private static TraceServiceGrpc.TraceServiceBlockingStub traces(
      ReceiverHarness harness, String authorization) {
    TraceServiceGrpc.TraceServiceBlockingStub stub =
        TraceServiceGrpc.newBlockingStub(harness.channel())
            .withDeadlineAfter(ReceiverHarness.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (authorization == null) {
      return stub;
    }
    Metadata headers = new Metadata();
    headers.put(Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER), authorization);
    return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
  }

  private HttpResponse<byte[]> postTraces(
      ReceiverHarness harness, String contentType, String authorization) throws Exception {
    byte[] body =
        contentType.equals(JSON)
            ? GoldenRequests.resource("traces.json")
            : GoldenRequests.traces().toByteArray();
    return harness.post(
        "/v1/traces",
        contentType,
        false,
        body,
        authorization == null ? Map.of() : Map.of("Authorization", authorization));
  }

  @Test
  void httpRequestsWithoutAKnownTokenAre401WithABearerChallengeAndAStatusSayingWhy()
      throws Exception {
    try (ReceiverHarness harness = start(IngestRateLimiter.unlimited())) {
      HttpResponse<byte[]> missing = postTraces(harness, PROTOBUF, null);
      HttpResponse<byte[]> malformed = postTraces(harness, JSON, "Basic dXNlcjpwYXNz");
      HttpResponse<byte[]> unknown = postTraces(harness, PROTOBUF, "Bearer wrong-0123456789abcd");
      HttpResponse<byte[]> known = postTraces(harness, PROTOBUF, "Bearer " + BILLING_TOKEN);

      assertThat(missing.statusCode()).isEqualTo(401);
      assertThat(missing.headers().firstValue("www-authenticate"))
          .hasValue("Bearer realm=\"meerkat\"");
      assertThat(status(missing))
          .isEqualTo(
              status(
                  Code.UNAUTHENTICATED,
                  "missing bearer token: send the header 'Authorization: Bearer <token>'"
                      + " (OpenTelemetry SDKs: OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer"
                      + " <token>)"));
      assertThat(malformed.statusCode()).isEqualTo(401);
      assertThat(malformed.headers().firstValue("content-type")).hasValue(JSON);
      assertThat(malformed.headers().firstValue("www-authenticate"))
          .hasValue("Bearer realm=\"meerkat\", error=\"invalid_token\"");
      assertThat(status(malformed))
          .isEqualTo(
              status(
                  Code.UNAUTHENTICATED,
                  "malformed Authorization header: expected 'Bearer <token>' (one token)"));
      assertThat(unknown.statusCode()).isEqualTo(401);
      assertThat(status(unknown))
          .isEqualTo(
              status(
                  Code.UNAUTHENTICATED,
                  "unknown bearer token: it is not (or no longer) configured"));
      assertThat(known.statusCode()).isEqualTo(200);
      // Only the request with a known token reached the receiver.
      assertThat(ReceiverHarness.await(harness.spans, GoldenRequests.expectedSpans().size()))
          .isEqualTo(GoldenRequests.expectedSpans());
      assertThat(harness.httpSpans.counts().received())
          .isEqualTo(GoldenRequests.expectedSpans().size());
    }
  }

  @Test
  void grpcCallsWithoutAKnownTokenAreUnauthenticatedWithAMessage() throws Exception {
    try (ReceiverHarness harness = start(IngestRateLimiter.unlimited())) {
      StatusRuntimeException missing =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () -> traces(harness, null).export(GoldenRequests.traces()));
      StatusRuntimeException unknown =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () ->
                  traces(harness, "Bearer " + CHECKOUT_TOKEN + "x")
                      .export(GoldenRequests.traces()));
      traces(harness, "Bearer " + CHECKOUT_TOKEN).export(GoldenRequests.traces());

      assertThat(code(missing)).isEqualTo(Code.UNAUTHENTICATED);
      assertThat(missing.getStatus().getDescription()).isEqualTo(AuthFailure.MISSING.message());
      assertThat(code(unknown)).isEqualTo(Code.UNAUTHENTICATED);
      assertThat(unknown.getStatus().getDescription())
          .isEqualTo("unknown bearer token: it is not (or no longer) configured");
      assertThat(harness.grpcSpans.counts().received())
          .isEqualTo(GoldenRequests.expectedSpans().size());
    }
  }

  @Test
  void countsRefusalsByReasonAndAcceptedRequestsByTokenName() throws Exception {
    IngestGate http =
        IngestGate.create(authenticator, IngestRateLimiter.unlimited(), "http", now::get);
    IngestGate grpc =
        IngestGate.create(authenticator, IngestRateLimiter.unlimited(), "grpc", now::get);
    try (ReceiverHarness harness = ReceiverHarness.startGated(http, grpc)) {
      postTraces(harness, PROTOBUF, null);
      postTraces(harness, PROTOBUF, null);
      postTraces(harness, PROTOBUF, "Bearer");
      postTraces(harness, PROTOBUF, "Bearer " + BILLING_TOKEN);
      postTraces(harness, JSON, "Bearer " + BILLING_TOKEN);
      postTraces(harness, PROTOBUF, "Bearer " + CHECKOUT_TOKEN);
      catchThrowableOfType(
          StatusRuntimeException.class,
          () -> traces(harness, "Bearer nope-0123456789abcdef").export(GoldenRequests.traces()));
    }

    assertThat(http.counts().unauthenticated(AuthFailure.MISSING)).isEqualTo(2);
    assertThat(http.counts().unauthenticated(AuthFailure.MALFORMED)).isEqualTo(1);
    assertThat(http.counts().unauthenticated(AuthFailure.UNKNOWN_TOKEN)).isZero();
    assertThat(http.counts().acceptedWithToken(0)).isEqualTo(1); // checkout
    assertThat(http.counts().acceptedWithToken(1)).isEqualTo(2); // billing
    assertThat(grpc.counts().unauthenticated(AuthFailure.UNKNOWN_TOKEN)).isEqualTo(1);
    assertThat(grpc.counts().acceptedWithToken(0)).isZero();
  }

  @Test
  void pastTheRateLimitHttpIs429AndGrpcResourceExhaustedBothSayingWhenToRetry() throws Exception {
    // 2 requests per second for both protocols together, bursts of 2: a permit every 500 ms.
    IngestRateLimiter limiter = IngestRateLimiter.create(2, 2, now::get);
    try (ReceiverHarness harness = start(limiter)) {
      String token = "Bearer " + CHECKOUT_TOKEN;
      assertThat(postTraces(harness, PROTOBUF, token).statusCode()).isEqualTo(200);
      traces(harness, token).export(GoldenRequests.traces());

      HttpResponse<byte[]> limited = postTraces(harness, JSON, token);
      StatusRuntimeException grpcLimited =
          catchThrowableOfType(
              StatusRuntimeException.class,
              () -> traces(harness, token).export(GoldenRequests.traces()));
      now.addAndGet(SECOND / 2 - 1);
      HttpResponse<byte[]> stillLimited = postTraces(harness, PROTOBUF, token);
      now.addAndGet(1);
      HttpResponse<byte[]> again = postTraces(harness, PROTOBUF, token);

      String why = "the collector's ingest rate limit is reached: retry after 1 s";
      assertThat(limited.statusCode()).isEqualTo(429);
      assertThat(limited.headers().firstValue("retry-after")).hasValue("1");
      assertThat(status(limited)).isEqualTo(status(Code.RESOURCE_EXHAUSTED, why));
      assertThat(code(grpcLimited)).isEqualTo(Code.RESOURCE_EXHAUSTED);
      Status details = StatusProto.fromThrowable(grpcLimited);
      assertThat(details.getMessage()).isEqualTo(why);
      assertThat(details.getDetails(0).unpack(RetryInfo.class).getRetryDelay())
          .isEqualTo(Duration.newBuilder().setSeconds(1).build());
      assertThat(stillLimited.statusCode()).isEqualTo(429);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(harness.httpSpans.counts().received())
          .isEqualTo(2L * GoldenRequests.expectedSpans().size());
    }
  }

  @Test
  void logsRefusalsAtMostEveryTenSecondsWithReasonAndAddressButNeverTheToken() throws Exception {
    try (ReceiverHarness harness = start(IngestRateLimiter.unlimited())) {
      String wrong = "wrong-token-0123456789";
      postTraces(harness, PROTOBUF, "Bearer " + wrong);
      postTraces(harness, PROTOBUF, "Bearer " + wrong);
      postTraces(harness, PROTOBUF, null);
      now.addAndGet(10 * SECOND - 1);
      postTraces(harness, PROTOBUF, "Bearer " + wrong);
      now.addAndGet(1);
      postTraces(harness, PROTOBUF, "Bearer " + wrong);

      assertThat(log.list)
          .extracting(ILoggingEvent::getFormattedMessage)
          .containsExactly(
              "Refused an OTLP/http request from 127.0.0.1: unknown_token bearer token (0 more"
                  + " refusals not logged since the last line; see"
                  + " meerkat_collector_ingest_*_total in /metrics)",
              "Refused an OTLP/http request from 127.0.0.1: unknown_token bearer token (3 more"
                  + " refusals not logged since the last line; see"
                  + " meerkat_collector_ingest_*_total in /metrics)");
    }
  }
}
