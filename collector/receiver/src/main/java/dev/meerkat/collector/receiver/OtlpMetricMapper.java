package dev.meerkat.collector.receiver;

import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.model.Temporality;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps an OTLP metrics export to {@link MetricPointRecord}s. Gauges, sums and explicit-bucket
 * histograms are stored in full; exponential histograms and summaries keep only sum and count.
 */
final class OtlpMetricMapper {

  private static final Temporality[] TEMPORALITIES = Temporality.values();

  private OtlpMetricMapper() {}

  /** Context shared by all points of one metric. */
  private record MetricContext(
      String service, Metric metric, List<String> resourceKeys, List<String> resourceValues) {}

  static List<MetricPointRecord> map(ExportMetricsServiceRequest request) {
    List<MetricPointRecord> points = new ArrayList<>();
    for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
      List<KeyValue> resource = resourceMetrics.getResource().getAttributesList();
      String service = OtlpAttributes.string(resource, "service.name");
      service = service.isEmpty() ? OtlpSpanMapper.UNKNOWN_SERVICE : service;
      List<String> resourceKeys = OtlpAttributes.keys(resource);
      List<String> resourceValues = OtlpAttributes.values(resource);
      for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
        for (Metric metric : scopeMetrics.getMetricsList()) {
          mapMetric(new MetricContext(service, metric, resourceKeys, resourceValues), points);
        }
      }
    }
    return points;
  }

  private static void mapMetric(MetricContext context, List<MetricPointRecord> points) {
    Metric metric = context.metric();
    switch (metric.getDataCase()) {
      case GAUGE -> {
        for (NumberDataPoint point : metric.getGauge().getDataPointsList()) {
          points.add(number(context, MetricType.GAUGE, false, Temporality.UNSPECIFIED, point));
        }
      }
      case SUM -> {
        Temporality temporality = temporality(metric.getSum().getAggregationTemporalityValue());
        for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
          points.add(
              number(
                  context, MetricType.SUM, metric.getSum().getIsMonotonic(), temporality, point));
        }
      }
      case HISTOGRAM -> {
        Temporality temporality =
            temporality(metric.getHistogram().getAggregationTemporalityValue());
        for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
          points.add(
              record(
                  context,
                  MetricType.HISTOGRAM,
                  temporality,
                  point.getTimeUnixNano(),
                  point.getAttributesList(),
                  point.getSum(),
                  point.getCount(),
                  point.getExplicitBoundsList(),
                  point.getBucketCountsList()));
        }
      }
      case EXPONENTIAL_HISTOGRAM -> {
        Temporality temporality =
            temporality(metric.getExponentialHistogram().getAggregationTemporalityValue());
        for (ExponentialHistogramDataPoint point :
            metric.getExponentialHistogram().getDataPointsList()) {
          points.add(
              record(
                  context,
                  MetricType.EXPONENTIAL_HISTOGRAM,
                  temporality,
                  point.getTimeUnixNano(),
                  point.getAttributesList(),
                  point.getSum(),
                  point.getCount(),
                  List.of(),
                  List.of()));
        }
      }
      case SUMMARY -> {
        for (SummaryDataPoint point : metric.getSummary().getDataPointsList()) {
          points.add(
              record(
                  context,
                  MetricType.SUMMARY,
                  Temporality.UNSPECIFIED,
                  point.getTimeUnixNano(),
                  point.getAttributesList(),
                  point.getSum(),
                  point.getCount(),
                  List.of(),
                  List.of()));
        }
      }
      default -> {
        // DATA_NOT_SET: a metric without points carries nothing to store.
      }
    }
  }

  private static MetricPointRecord number(
      MetricContext context,
      MetricType type,
      boolean monotonic,
      Temporality temporality,
      NumberDataPoint point) {
    double value =
        point.getValueCase() == NumberDataPoint.ValueCase.AS_INT
            ? point.getAsInt()
            : point.getAsDouble();
    List<KeyValue> attributes = point.getAttributesList();
    Metric metric = context.metric();
    return new MetricPointRecord(
        point.getTimeUnixNano(),
        context.service(),
        metric.getName(),
        type,
        metric.getUnit(),
        monotonic,
        temporality,
        OtlpAttributes.keys(attributes),
        OtlpAttributes.values(attributes),
        context.resourceKeys(),
        context.resourceValues(),
        value,
        0,
        List.of(),
        List.of());
  }

  private static MetricPointRecord record(
      MetricContext context,
      MetricType type,
      Temporality temporality,
      long timeUnixNano,
      List<KeyValue> attributes,
      double sum,
      long count,
      List<Double> bounds,
      List<Long> counts) {
    Metric metric = context.metric();
    return new MetricPointRecord(
        timeUnixNano,
        context.service(),
        metric.getName(),
        type,
        metric.getUnit(),
        false,
        temporality,
        OtlpAttributes.keys(attributes),
        OtlpAttributes.values(attributes),
        context.resourceKeys(),
        context.resourceValues(),
        sum,
        count,
        List.copyOf(bounds),
        List.copyOf(counts));
  }

  private static Temporality temporality(int value) {
    return value >= 0 && value < TEMPORALITIES.length
        ? TEMPORALITIES[value]
        : Temporality.UNSPECIFIED;
  }
}
