package dev.meerkat.collector.receiver;

import static dev.meerkat.collector.receiver.Otlp.START;
import static dev.meerkat.collector.receiver.Otlp.attribute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.model.ExponentialBuckets;
import dev.meerkat.store.model.MetricPointBuilder;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.model.Temporality;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class OtlpMetricMapperTest {

  private static final long TIME = START + 60_000_000_000L;

  private static ExportMetricsServiceRequest export(Metric... metrics) {
    ScopeMetrics.Builder scope = ScopeMetrics.newBuilder().setScope(Otlp.scope());
    for (Metric metric : metrics) {
      scope.addMetrics(metric);
    }
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(
            ResourceMetrics.newBuilder().setResource(Otlp.resource("shop")).addScopeMetrics(scope))
        .build();
  }

  private static Metric.Builder metric(String name) {
    return Metric.newBuilder().setName(name).setDescription("about " + name).setUnit("s");
  }

  private static MetricPointBuilder expected(MetricType type, String name) {
    return MetricPointRecord.builder(type, "shop", name)
        .time(START, TIME)
        .description("about " + name, "s")
        .resource(List.of("service.name", "host.name"), List.of("shop", "vm-1"))
        .scope("io.meerkat.test", "1.2");
  }

  @Test
  void mapsGaugesAndSumsWithTemporalityAndMonotonicFlag() {
    Metric gauge =
        metric("queue.depth")
            .setGauge(
                Gauge.newBuilder()
                    .addDataPoints(
                        NumberDataPoint.newBuilder()
                            .setStartTimeUnixNano(START)
                            .setTimeUnixNano(TIME)
                            .setAsDouble(2.5)
                            .addAttributes(attribute("queue", "orders"))))
            .build();
    Metric sum =
        metric("requests")
            .setSum(
                Sum.newBuilder()
                    .setIsMonotonic(true)
                    .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                    .addDataPoints(
                        NumberDataPoint.newBuilder()
                            .setStartTimeUnixNano(START)
                            .setTimeUnixNano(TIME)
                            .setFlags(1)
                            .setAsInt(42)))
            .build();

    assertThat(OtlpMetricMapper.map(export(gauge, sum), Otlp.unlimited()))
        .containsExactly(
            expected(MetricType.GAUGE, "queue.depth")
                .attributes(List.of("queue"), List.of("orders"))
                .value(2.5)
                .build(),
            expected(MetricType.SUM, "requests")
                .aggregation(true, Temporality.DELTA)
                .flags(1)
                .value(42)
                .build());
  }

  @Test
  void mapsExplicitHistogramsWithMinMaxAndDropsExemplars() {
    Metric histogram =
        metric("latency")
            .setHistogram(
                Histogram.newBuilder()
                    .setAggregationTemporality(
                        AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE)
                    .addDataPoints(
                        HistogramDataPoint.newBuilder()
                            .setStartTimeUnixNano(START)
                            .setTimeUnixNano(TIME)
                            .setCount(6)
                            .setSum(3.3)
                            .setMin(0.05)
                            .setMax(1.5)
                            .addAllExplicitBounds(List.of(0.1, 1.0))
                            .addAllBucketCounts(List.of(2L, 3L, 1L))
                            .addExemplars(Exemplar.newBuilder().setAsDouble(1.5)))
                    // No sum, min or max: all three are "not sent".
                    .addDataPoints(
                        HistogramDataPoint.newBuilder()
                            .setStartTimeUnixNano(START)
                            .setTimeUnixNano(TIME)
                            .setCount(1)
                            .addAllBucketCounts(List.of(1L))))
            .build();

    assertThat(OtlpMetricMapper.map(export(histogram), Otlp.unlimited()))
        .containsExactly(
            expected(MetricType.HISTOGRAM, "latency")
                .aggregation(false, Temporality.CUMULATIVE)
                .value(3.3)
                .count(6)
                .minMax(0.05, 1.5)
                .buckets(List.of(0.1, 1.0), List.of(2L, 3L, 1L))
                .build(),
            expected(MetricType.HISTOGRAM, "latency")
                .aggregation(false, Temporality.CUMULATIVE)
                .value(Double.NaN)
                .count(1)
                .buckets(List.of(), List.of(1L))
                .build());
  }

  @Test
  void mapsExponentialHistogramsInFull() {
    Metric exponential =
        metric("size")
            .setExponentialHistogram(
                ExponentialHistogram.newBuilder()
                    .setAggregationTemporality(AggregationTemporality.AGGREGATION_TEMPORALITY_DELTA)
                    .addDataPoints(
                        ExponentialHistogramDataPoint.newBuilder()
                            .setStartTimeUnixNano(START)
                            .setTimeUnixNano(TIME)
                            .setCount(9)
                            .setSum(-1.25)
                            .setMin(-4)
                            .setMax(8)
                            .setScale(-1)
                            .setZeroCount(2)
                            .setZeroThreshold(0.001)
                            .setPositive(
                                ExponentialHistogramDataPoint.Buckets.newBuilder()
                                    .setOffset(1)
                                    .addAllBucketCounts(List.of(3L, 1L)))
                            .setNegative(
                                ExponentialHistogramDataPoint.Buckets.newBuilder()
                                    .setOffset(-2)
                                    .addAllBucketCounts(List.of(2L, 0L, 1L)))))
            .build();

    assertThat(OtlpMetricMapper.map(export(exponential), Otlp.unlimited()))
        .containsExactly(
            expected(MetricType.EXPONENTIAL_HISTOGRAM, "size")
                .aggregation(false, Temporality.DELTA)
                .value(-1.25)
                .count(9)
                .minMax(-4, 8)
                .exponential(
                    new ExponentialBuckets(
                        -1, 2, 0.001, 1, List.of(3L, 1L), -2, List.of(2L, 0L, 1L)))
                .build());
  }

  @Test
  void mapsSummariesWithTheirQuantiles() {
    Metric summary =
        metric("gc.pause")
            .setSummary(
                Summary.newBuilder()
                    .addDataPoints(
                        SummaryDataPoint.newBuilder()
                            .setStartTimeUnixNano(START)
                            .setTimeUnixNano(TIME)
                            .setCount(4)
                            .setSum(0.4)
                            .addQuantileValues(
                                SummaryDataPoint.ValueAtQuantile.newBuilder()
                                    .setQuantile(0.5)
                                    .setValue(0.08))
                            .addQuantileValues(
                                SummaryDataPoint.ValueAtQuantile.newBuilder()
                                    .setQuantile(0.99)
                                    .setValue(0.2))))
            .build();

    assertThat(OtlpMetricMapper.map(export(summary), Otlp.unlimited()))
        .containsExactly(
            expected(MetricType.SUMMARY, "gc.pause")
                .value(0.4)
                .count(4)
                .quantiles(List.of(0.5, 0.99), List.of(0.08, 0.2))
                .build());
  }

  @Test
  void limitsPointAndResourceAttributesAndCountsThem() {
    IngestLimiter limiter = IngestLimiter.create(new IngestLimits(1, 128, 128, 4));
    Metric gauge =
        metric("g")
            .setGauge(
                Gauge.newBuilder()
                    .addDataPoints(
                        NumberDataPoint.newBuilder()
                            .setStartTimeUnixNano(START)
                            .setTimeUnixNano(TIME)
                            .addAttributes(attribute("pool", "G1 Eden"))
                            .addAttributes(attribute("area", "heap"))
                            .addAttributes(attribute("gc", "young"))))
            .build();

    MetricPointRecord point = OtlpMetricMapper.map(export(gauge), limiter).get(0);

    assertThat(point.attributeKeys()).containsExactly("pool");
    assertThat(point.attributeValues()).containsExactly("G1 E");
    assertThat(point.resourceKeys()).containsExactly("service.name");
    assertThat(point.resourceValues()).containsExactly("shop");
    assertThat(limiter.truncated(Truncation.ATTRIBUTES)).isEqualTo(3 - 1);
    assertThat(limiter.truncated(Truncation.RESOURCE_ATTRIBUTES)).isEqualTo(2 - 1);
    assertThat(limiter.truncated(Truncation.ATTRIBUTE_VALUES)).isEqualTo(1);
  }
}
