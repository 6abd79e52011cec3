package dev.meerkat.dashboard.e2e;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Script and HTML payloads, and the OTLP exports that carry them in every text field the dashboard
 * may show: span names, attribute keys and values, the service name, events, log bodies, metric
 * names. Each payload sets {@code window.__xss} if it ever runs.
 */
final class XssPayloads {

  static final String IMG = "<img src=x onerror=\"window.__xss=1\">";
  static final String SCRIPT = "<script>window.__xss=2</script>";
  static final String JS_LINK = "javascript:window.__xss=3";
  static final String SVG = "\"><svg onload=window.__xss=4>";

  /** 100 kB of image tags: a long text that must stay text from its first to its last byte. */
  static final String LONG = IMG.repeat(100_000 / IMG.length() + 1);

  /** The service every payload span belongs to: its name is a payload too. */
  static final String SERVICE = IMG;

  static final String TRACE_ID = "5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c01";
  static final String ROOT_SPAN_ID = "5c5c5c5c5c5c0001";
  static final String INVALID_UTF8_TRACE_ID = "5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c02";
  static final String JSON_TRACE_ID = "5c5c5c5c5c5c5c5c5c5c5c5c5c5c5c03";

  /** The collector's limit on attribute values (IngestLimits.defaults()): LONG is cut here. */
  static final int MAX_ATTRIBUTE_VALUE_LENGTH = 4096;

  /**
   * Marks the bytes that {@link #withInvalidUtf8} replaces by a byte sequence that is not UTF-8:
   * {@code C3 28} (a two-byte lead followed by an ASCII byte).
   */
  private static final String UTF8_HOLE = "@@";

  /** "bad-utf8-" then C3 28: what a sender with a broken encoder puts in a span name. */
  static final String INVALID_UTF8_NAME = "bad-utf8-" + UTF8_HOLE;

  /** How the collector stores that name when it arrives as OTLP/JSON: C3 becomes U+FFFD. */
  static final String INVALID_UTF8_NAME_REPLACED = "bad-utf8-\uFFFD(";

  private XssPayloads() {}

  /**
   * One trace of the payload service: a failed SERVER root (named {@link #SCRIPT}, attributes with
   * payload keys and values and links-to-be, an exception event with payload type and message) with
   * a CLIENT child named {@link #SVG} and an INTERNAL child named {@link #LONG}, all three starting
   * at {@code start} (so every bar begins at the left edge of the waterfall).
   */
  static ExportTraceServiceRequest traces(Instant start) {
    Span root =
        span(ROOT_SPAN_ID, "", SCRIPT, Span.SpanKind.SPAN_KIND_SERVER, start, 40)
            .setStatus(
                Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage(SVG))
            .addAttributes(attribute(IMG, SVG))
            .addAttributes(attribute("url.full", JS_LINK))
            .addAttributes(attribute("http.url", JS_LINK))
            .addAttributes(attribute("long.value", LONG))
            .addEvents(
                Span.Event.newBuilder()
                    .setName("exception")
                    .setTimeUnixNano(nanos(start.plusMillis(5)))
                    .addAttributes(attribute("exception.type", SVG))
                    .addAttributes(attribute("exception.message", IMG)))
            .build();
    Span client =
        span("5c5c5c5c5c5c0002", ROOT_SPAN_ID, SVG, Span.SpanKind.SPAN_KIND_CLIENT, start, 30)
            .addAttributes(attribute("peer.service", SCRIPT))
            .build();
    Span internal =
        span("5c5c5c5c5c5c0003", ROOT_SPAN_ID, LONG, Span.SpanKind.SPAN_KIND_INTERNAL, start, 20)
            .build();
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(resource())
                .addScopeSpans(
                    ScopeSpans.newBuilder().addSpans(root).addSpans(client).addSpans(internal)))
        .build();
  }

  /** A log record of the payload service with a payload body and a payload attribute. */
  static ExportLogsServiceRequest logs(Instant at) {
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(
            ResourceLogs.newBuilder()
                .setResource(resource())
                .addScopeLogs(
                    ScopeLogs.newBuilder()
                        .addLogRecords(
                            LogRecord.newBuilder()
                                .setTimeUnixNano(nanos(at))
                                .setSeverityText("ERROR")
                                .setBody(AnyValue.newBuilder().setStringValue(SCRIPT))
                                .addAttributes(attribute(SVG, IMG))
                                .setTraceId(bytes(TRACE_ID))
                                .setSpanId(bytes(ROOT_SPAN_ID)))))
        .build();
  }

  /** A gauge of the payload service whose name and point attribute are payloads. */
  static ExportMetricsServiceRequest metrics(Instant at) {
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder()
                .setResource(resource())
                .addScopeMetrics(
                    ScopeMetrics.newBuilder()
                        .addMetrics(
                            Metric.newBuilder()
                                .setName(SCRIPT)
                                .setGauge(
                                    Gauge.newBuilder()
                                        .addDataPoints(
                                            NumberDataPoint.newBuilder()
                                                .setTimeUnixNano(nanos(at))
                                                .setAsDouble(1)
                                                .addAttributes(attribute(IMG, SVG)))))))
        .build();
  }

  /**
   * A binary protobuf export of one span named {@link #INVALID_UTF8_NAME} whose name bytes are not
   * UTF-8. The protobuf builders refuse such strings, so the message is encoded with a same-length
   * placeholder and the bytes are swapped afterwards (no length prefix changes).
   */
  static byte[] invalidUtf8Protobuf(Instant start) {
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .setResource(resource())
                    .addScopeSpans(
                        ScopeSpans.newBuilder()
                            .addSpans(
                                span(
                                        "5c5c5c5c5c5c0004",
                                        "",
                                        INVALID_UTF8_NAME,
                                        Span.SpanKind.SPAN_KIND_SERVER,
                                        start,
                                        10)
                                    .setTraceId(bytes(INVALID_UTF8_TRACE_ID)))))
            .build();
    return withInvalidUtf8(request.toByteArray());
  }

  /** The same span as OTLP/JSON, in its own trace. */
  static byte[] invalidUtf8Json(Instant start) {
    String json =
        """
        {"resourceSpans":[{"resource":{"attributes":[{"key":"service.name",\
        "value":{"stringValue":"%s"}}]},"scopeSpans":[{"spans":[{"traceId":"%s",\
        "spanId":"5c5c5c5c5c5c0005","name":"%s","kind":2,"startTimeUnixNano":"%d",\
        "endTimeUnixNano":"%d"}]}]}]}\
        """
            .formatted(
                SERVICE.replace("\"", "\\\""),
                JSON_TRACE_ID,
                INVALID_UTF8_NAME,
                nanos(start),
                nanos(start.plusMillis(10)));
    return withInvalidUtf8(json.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] withInvalidUtf8(byte[] encoded) {
    byte[] hole = UTF8_HOLE.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i + hole.length <= encoded.length; i++) {
      if (Arrays.equals(encoded, i, i + hole.length, hole, 0, hole.length)) {
        encoded[i] = (byte) 0xC3;
        encoded[i + 1] = (byte) 0x28;
        return encoded;
      }
    }
    throw new IllegalStateException("no placeholder " + UTF8_HOLE + " in the encoded request");
  }

  private static Span.Builder span(
      String spanId, String parentSpanId, String name, Span.SpanKind kind, Instant start, int ms) {
    return Span.newBuilder()
        .setTraceId(bytes(TRACE_ID))
        .setSpanId(bytes(spanId))
        .setParentSpanId(parentSpanId.isEmpty() ? ByteString.EMPTY : bytes(parentSpanId))
        .setName(name)
        .setKind(kind)
        .setStartTimeUnixNano(nanos(start))
        .setEndTimeUnixNano(nanos(start.plus(Duration.ofMillis(ms))));
  }

  private static Resource resource() {
    return Resource.newBuilder().addAttributes(attribute("service.name", SERVICE)).build();
  }

  private static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  private static ByteString bytes(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
