package dev.meerkat.collector.receiver;

import com.google.protobuf.ByteString;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanLink;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.model.SpanStatus;
import dev.meerkat.store.model.Temporality;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import java.util.List;

/**
 * The golden OTLP requests: {@code otlp/traces.json} and {@code otlp/metrics.json} (written by hand
 * in the OTLP/JSON format of the specification's examples), the same requests built as protobuf,
 * and the exact records the receivers must make of them.
 */
final class GoldenRequests {

  static final long START = 1_795_256_130_000_000_000L;
  static final String TRACE_ID = "5b8efff798038103d269b633813fc60c";

  private GoldenRequests() {}

  static byte[] resource(String name) {
    try (InputStream in = GoldenRequests.class.getResourceAsStream("/otlp/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ByteString id(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }

  static KeyValue attribute(String key, AnyValue.Builder value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  static KeyValue attribute(String key, String value) {
    return attribute(key, AnyValue.newBuilder().setStringValue(value));
  }

  static ExportTraceServiceRequest traces() {
    Span server =
        Span.newBuilder()
            .setTraceId(id(TRACE_ID))
            .setSpanId(id("eee19b7ec3c1b174"))
            .setName("GET /checkout/{id}")
            .setKind(Span.SpanKind.SPAN_KIND_SERVER)
            .setStartTimeUnixNano(START)
            .setEndTimeUnixNano(START + 120_000_000)
            .addAttributes(attribute("http.request.method", "GET"))
            .addAttributes(attribute("http.route", "/checkout/{id}"))
            .addAttributes(
                attribute("http.response.status_code", AnyValue.newBuilder().setIntValue(500)))
            .setStatus(
                Status.newBuilder().setCode(Status.StatusCode.STATUS_CODE_ERROR).setMessage("boom"))
            .build();
    Span client =
        Span.newBuilder()
            .setTraceId(id(TRACE_ID))
            .setSpanId(id("eee19b7ec3c1b175"))
            .setParentSpanId(id("eee19b7ec3c1b174"))
            .setTraceState("vendor=1")
            .setName("POST")
            .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
            .setStartTimeUnixNano(START + 10_000_000)
            .setEndTimeUnixNano(START + 40_000_000)
            .addAttributes(attribute("http.method", "POST"))
            .addAttributes(attribute("http.status_code", AnyValue.newBuilder().setIntValue(201)))
            .addAttributes(attribute("server.address", "billing.internal"))
            .addAttributes(attribute("retry", AnyValue.newBuilder().setBoolValue(true)))
            .addAttributes(attribute("ratio", AnyValue.newBuilder().setDoubleValue(0.5)))
            .addLinks(
                Span.Link.newBuilder()
                    .setTraceId(id("0af7651916cd43dd8448eb211c80319c"))
                    .setSpanId(id("b7ad6b7169203331")))
            .build();
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(
                    Resource.newBuilder()
                        .addAttributes(attribute("service.name", "checkout"))
                        .addAttributes(attribute("host.name", "node-1")))
                .addScopeSpans(
                    ScopeSpans.newBuilder()
                        .setScope(
                            InstrumentationScope.newBuilder()
                                .setName("io.opentelemetry.tomcat-10.0")
                                .setVersion("2.33.1"))
                        .addSpans(server)
                        .addSpans(client)))
        .build();
  }

  static List<SpanRecord> expectedSpans() {
    List<String> resourceKeys = List.of("service.name", "host.name");
    List<String> resourceValues = List.of("checkout", "node-1");
    return List.of(
        new SpanRecord(
            START,
            120_000_000,
            TRACE_ID,
            "eee19b7ec3c1b174",
            "",
            "",
            "checkout",
            "GET /checkout/{id}",
            SpanKind.SERVER,
            SpanStatus.ERROR,
            "boom",
            "GET",
            "/checkout/{id}",
            500,
            "",
            1.0,
            List.of("http.request.method", "http.route", "http.response.status_code"),
            List.of("GET", "/checkout/{id}", "500"),
            resourceKeys,
            resourceValues,
            "io.opentelemetry.tomcat-10.0",
            "2.33.1"),
        new SpanRecord(
            START + 10_000_000,
            30_000_000,
            TRACE_ID,
            "eee19b7ec3c1b175",
            "eee19b7ec3c1b174",
            "vendor=1",
            "checkout",
            "POST",
            SpanKind.CLIENT,
            SpanStatus.UNSET,
            "",
            "POST",
            "",
            201,
            "billing.internal",
            1.0,
            List.of("http.method", "http.status_code", "server.address", "retry", "ratio"),
            List.of("POST", "201", "billing.internal", "true", "0.5"),
            resourceKeys,
            resourceValues,
            "io.opentelemetry.tomcat-10.0",
            "2.33.1",
            List.of(),
            List.of(
                new SpanLink(
                    "0af7651916cd43dd8448eb211c80319c",
                    "b7ad6b7169203331",
                    "",
                    List.of(),
                    List.of()))));
  }

  static ExportMetricsServiceRequest metrics() {
    Metric threads =
        Metric.newBuilder()
            .setName("jvm.thread.count")
            .setUnit("{thread}")
            .setDescription("Number of executing platform threads.")
            .setSum(
                Sum.newBuilder()
                    .setAggregationTemporality(
                        AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                    .addDataPoints(
                        NumberDataPoint.newBuilder()
                            .setTimeUnixNano(START)
                            .setAsInt(42)
                            .addAttributes(
                                attribute(
                                    "jvm.thread.daemon",
                                    AnyValue.newBuilder().setBoolValue(true)))))
            .build();
    Metric cpu =
        Metric.newBuilder()
            .setName("jvm.cpu.recent_utilization")
            .setUnit("1")
            .setGauge(
                Gauge.newBuilder()
                    .addDataPoints(
                        NumberDataPoint.newBuilder().setTimeUnixNano(START).setAsDouble(0.25)))
            .build();
    Metric duration =
        Metric.newBuilder()
            .setName("http.server.request.duration")
            .setUnit("s")
            .setHistogram(
                Histogram.newBuilder()
                    .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                    .addDataPoints(
                        HistogramDataPoint.newBuilder()
                            .setStartTimeUnixNano(START - 1_000_000_000)
                            .setTimeUnixNano(START)
                            .setCount(3)
                            .setSum(0.7)
                            .addAllBucketCounts(List.of(1L, 1L, 1L))
                            .addAllExplicitBounds(List.of(0.1, 0.5))
                            .addAttributes(attribute("http.route", "/checkout/{id}"))
                            .addExemplars(
                                Exemplar.newBuilder()
                                    .setTimeUnixNano(START)
                                    .setAsDouble(0.6)
                                    .setTraceId(id(TRACE_ID))
                                    .setSpanId(id("eee19b7ec3c1b174")))))
            .build();
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder()
                .setResource(
                    Resource.newBuilder().addAttributes(attribute("service.name", "checkout")))
                .addScopeMetrics(
                    ScopeMetrics.newBuilder()
                        .setScope(
                            InstrumentationScope.newBuilder()
                                .setName("io.opentelemetry.runtime-telemetry-java17")
                                .setVersion("2.33.1"))
                        .addMetrics(threads)
                        .addMetrics(cpu)
                        .addMetrics(duration)))
        .build();
  }

  static List<MetricPointRecord> expectedPoints() {
    List<String> resourceKeys = List.of("service.name");
    List<String> resourceValues = List.of("checkout");
    String scope = "io.opentelemetry.runtime-telemetry-java17";
    return List.of(
        MetricPointRecord.builder(MetricType.SUM, "checkout", "jvm.thread.count")
            .time(0, START)
            .description("Number of executing platform threads.", "{thread}")
            .aggregation(false, Temporality.CUMULATIVE)
            .attributes(List.of("jvm.thread.daemon"), List.of("true"))
            .resource(resourceKeys, resourceValues)
            .scope(scope, "2.33.1")
            .value(42.0)
            .build(),
        MetricPointRecord.builder(MetricType.GAUGE, "checkout", "jvm.cpu.recent_utilization")
            .time(0, START)
            .description("", "1")
            .resource(resourceKeys, resourceValues)
            .scope(scope, "2.33.1")
            .value(0.25)
            .build(),
        // Exemplars are not stored.
        MetricPointRecord.builder(MetricType.HISTOGRAM, "checkout", "http.server.request.duration")
            .time(START - 1_000_000_000, START)
            .description("", "s")
            .aggregation(false, Temporality.DELTA)
            .attributes(List.of("http.route"), List.of("/checkout/{id}"))
            .resource(resourceKeys, resourceValues)
            .scope(scope, "2.33.1")
            .value(0.7)
            .count(3)
            .buckets(List.of(0.1, 0.5), List.of(1L, 1L, 1L))
            .build());
  }
}
