package dev.meerkat.collector;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.util.HexFormat;

/** Real OTLP protobuf requests, built with the opentelemetry-proto classes. */
final class OtlpRequests {

  static final long START = 1_795_256_130_000_000_000L; // 2026-11-21T10:15:30Z
  static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

  private OtlpRequests() {}

  static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  static KeyValue attribute(String key, long value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setIntValue(value))
        .build();
  }

  static Resource resource(String service) {
    return Resource.newBuilder().addAttributes(attribute("service.name", service)).build();
  }

  static Span.Builder span(String spanId, String name, Span.SpanKind kind, long millis) {
    return Span.newBuilder()
        .setTraceId(ByteString.copyFrom(HexFormat.of().parseHex(TRACE_ID)))
        .setSpanId(ByteString.copyFrom(HexFormat.of().parseHex(spanId)))
        .setName(name)
        .setKind(kind)
        .setStartTimeUnixNano(START)
        .setEndTimeUnixNano(START + millis * 1_000_000);
  }

  static ExportTraceServiceRequest traces(String service, Span... spans) {
    ScopeSpans.Builder scope =
        ScopeSpans.newBuilder()
            .setScope(InstrumentationScope.newBuilder().setName("meerkat-test").setVersion("1"));
    for (Span span : spans) {
      scope.addSpans(span);
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder().setResource(resource(service)).addScopeSpans(scope))
        .build();
  }

  static Span serverError(String spanId) {
    return span(spanId, "GET /checkout/{id}", Span.SpanKind.SPAN_KIND_SERVER, 120)
        .addAttributes(attribute("http.request.method", "GET"))
        .addAttributes(attribute("http.route", "/checkout/{id}"))
        .addAttributes(attribute("http.response.status_code", 500))
        .setStatus(
            Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("boom"))
        .build();
  }

  static Span clientCall(String spanId, String parent) {
    return span(spanId, "POST", Span.SpanKind.SPAN_KIND_CLIENT, 30)
        .setParentSpanId(ByteString.copyFrom(HexFormat.of().parseHex(parent)))
        .addAttributes(attribute("http.method", "POST"))
        .addAttributes(attribute("http.status_code", 201))
        .addAttributes(attribute("server.address", "billing.internal"))
        .build();
  }

  static ExportMetricsServiceRequest metrics(String service) {
    Metric gauge =
        Metric.newBuilder()
            .setName("jvm.threads.count")
            .setUnit("{thread}")
            .setGauge(
                Gauge.newBuilder()
                    .addDataPoints(
                        NumberDataPoint.newBuilder().setTimeUnixNano(START).setAsInt(42)))
            .build();
    Metric histogram =
        Metric.newBuilder()
            .setName("http.server.request.duration")
            .setUnit("s")
            .setHistogram(
                Histogram.newBuilder()
                    .setAggregationTemporality(
                        io.opentelemetry.proto.metrics.v1.AggregationTemporality
                            .AGGREGATION_TEMPORALITY_CUMULATIVE)
                    .addDataPoints(
                        HistogramDataPoint.newBuilder()
                            .setTimeUnixNano(START)
                            .setCount(3)
                            .setSum(0.7)
                            .addExplicitBounds(0.1)
                            .addExplicitBounds(0.5)
                            .addBucketCounts(1)
                            .addBucketCounts(1)
                            .addBucketCounts(1)
                            .addAttributes(attribute("http.route", "/checkout/{id}"))))
            .build();
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder()
                .setResource(resource(service))
                .addScopeMetrics(ScopeMetrics.newBuilder().addMetrics(gauge).addMetrics(histogram)))
        .build();
  }
}
