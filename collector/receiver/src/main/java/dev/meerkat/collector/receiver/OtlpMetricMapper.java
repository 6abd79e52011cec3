package dev.meerkat.collector.receiver;

import dev.meerkat.store.model.ExponentialBuckets;
import dev.meerkat.store.model.MetricPointBuilder;
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
 * Maps an OTLP metrics export to {@link MetricPointRecord}s: every point type in full (gauge, sum,
 * histogram, exponential histogram, summary); exemplars are dropped.
 */
final class OtlpMetricMapper {

  private static final Temporality[] TEMPORALITIES = Temporality.values();

  private OtlpMetricMapper() {}

  /** Context shared by all points of one metric. */
  private record MetricContext(
      String service,
      Metric metric,
      KeyValues resource,
      String scopeName,
      String scopeVersion,
      IngestLimiter limiter) {}

  static List<MetricPointRecord> map(ExportMetricsServiceRequest request, IngestLimiter limiter) {
    List<MetricPointRecord> points = new ArrayList<>();
    for (ResourceMetrics resourceMetrics : request.getResourceMetricsList()) {
      List<KeyValue> resource = resourceMetrics.getResource().getAttributesList();
      String service = OtlpAttributes.string(resource, "service.name");
      service = service.isEmpty() ? OtlpSpanMapper.UNKNOWN_SERVICE : service;
      KeyValues resourceAttributes = limiter.attributes(resource, Truncation.RESOURCE_ATTRIBUTES);
      for (ScopeMetrics scopeMetrics : resourceMetrics.getScopeMetricsList()) {
        String scopeName = scopeMetrics.getScope().getName();
        String scopeVersion = scopeMetrics.getScope().getVersion();
        for (Metric metric : scopeMetrics.getMetricsList()) {
          MetricContext context =
              new MetricContext(
                  service, metric, resourceAttributes, scopeName, scopeVersion, limiter);
          mapMetric(context, points);
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
          points.add(number(context, MetricType.GAUGE, point).build());
        }
      }
      case SUM -> {
        Temporality temporality = temporality(metric.getSum().getAggregationTemporalityValue());
        boolean monotonic = metric.getSum().getIsMonotonic();
        for (NumberDataPoint point : metric.getSum().getDataPointsList()) {
          points.add(
              number(context, MetricType.SUM, point).aggregation(monotonic, temporality).build());
        }
      }
      case HISTOGRAM -> {
        Temporality temporality =
            temporality(metric.getHistogram().getAggregationTemporalityValue());
        for (HistogramDataPoint point : metric.getHistogram().getDataPointsList()) {
          points.add(histogram(context, temporality, point));
        }
      }
      case EXPONENTIAL_HISTOGRAM -> {
        Temporality temporality =
            temporality(metric.getExponentialHistogram().getAggregationTemporalityValue());
        for (ExponentialHistogramDataPoint point :
            metric.getExponentialHistogram().getDataPointsList()) {
          points.add(exponentialHistogram(context, temporality, point));
        }
      }
      case SUMMARY -> {
        for (SummaryDataPoint point : metric.getSummary().getDataPointsList()) {
          points.add(summary(context, point));
        }
      }
      default -> {
        // DATA_NOT_SET: a metric without points carries nothing to store.
      }
    }
  }

  private static MetricPointBuilder number(
      MetricContext context, MetricType type, NumberDataPoint point) {
    double value =
        point.getValueCase() == NumberDataPoint.ValueCase.AS_INT
            ? point.getAsInt()
            : point.getAsDouble();
    return common(
            context,
            type,
            point.getStartTimeUnixNano(),
            point.getTimeUnixNano(),
            point.getFlags(),
            point.getAttributesList())
        .value(value);
  }

  private static MetricPointRecord histogram(
      MetricContext context, Temporality temporality, HistogramDataPoint point) {
    return common(
            context,
            MetricType.HISTOGRAM,
            point.getStartTimeUnixNano(),
            point.getTimeUnixNano(),
            point.getFlags(),
            point.getAttributesList())
        .aggregation(false, temporality)
        .value(point.hasSum() ? point.getSum() : Double.NaN)
        .count(point.getCount())
        .minMax(
            point.hasMin() ? point.getMin() : Double.NaN,
            point.hasMax() ? point.getMax() : Double.NaN)
        .buckets(point.getExplicitBoundsList(), point.getBucketCountsList())
        .build();
  }

  private static MetricPointRecord exponentialHistogram(
      MetricContext context, Temporality temporality, ExponentialHistogramDataPoint point) {
    return common(
            context,
            MetricType.EXPONENTIAL_HISTOGRAM,
            point.getStartTimeUnixNano(),
            point.getTimeUnixNano(),
            point.getFlags(),
            point.getAttributesList())
        .aggregation(false, temporality)
        .value(point.hasSum() ? point.getSum() : Double.NaN)
        .count(point.getCount())
        .minMax(
            point.hasMin() ? point.getMin() : Double.NaN,
            point.hasMax() ? point.getMax() : Double.NaN)
        .exponential(
            new ExponentialBuckets(
                point.getScale(),
                point.getZeroCount(),
                point.getZeroThreshold(),
                point.getPositive().getOffset(),
                point.getPositive().getBucketCountsList(),
                point.getNegative().getOffset(),
                point.getNegative().getBucketCountsList()))
        .build();
  }

  private static MetricPointRecord summary(MetricContext context, SummaryDataPoint point) {
    List<SummaryDataPoint.ValueAtQuantile> quantiles = point.getQuantileValuesList();
    List<Double> levels = new ArrayList<>(quantiles.size());
    List<Double> values = new ArrayList<>(quantiles.size());
    for (int i = 0; i < quantiles.size(); i++) {
      levels.add(quantiles.get(i).getQuantile());
      values.add(quantiles.get(i).getValue());
    }
    return common(
            context,
            MetricType.SUMMARY,
            point.getStartTimeUnixNano(),
            point.getTimeUnixNano(),
            point.getFlags(),
            point.getAttributesList())
        .value(point.getSum())
        .count(point.getCount())
        .quantiles(levels, values)
        .build();
  }

  private static MetricPointBuilder common(
      MetricContext context,
      MetricType type,
      long startTimeUnixNano,
      long timeUnixNano,
      int flags,
      List<KeyValue> attributes) {
    Metric metric = context.metric();
    KeyValues kept = context.limiter().attributes(attributes, Truncation.ATTRIBUTES);
    return MetricPointRecord.builder(type, context.service(), metric.getName())
        .time(startTimeUnixNano, timeUnixNano)
        .description(metric.getDescription(), metric.getUnit())
        .flags(flags)
        .attributes(kept.keys(), kept.values())
        .resource(context.resource().keys(), context.resource().values())
        .scope(context.scopeName(), context.scopeVersion());
  }

  private static Temporality temporality(int value) {
    return value >= 0 && value < TEMPORALITIES.length
        ? TEMPORALITIES[value]
        : Temporality.UNSPECIFIED;
  }
}
