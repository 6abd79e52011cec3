package dev.meerkat.store.model;

import java.util.List;
import java.util.Objects;

/**
 * One metric data point as stored in {@code metric_points}. Gauges and sums carry {@code value};
 * histograms carry the sum in {@code value}, the count in {@code pointCount} and explicit buckets
 * ({@code bucketCounts} has one more element than {@code bucketBounds}).
 */
public record MetricPointRecord(
    long timeUnixNano,
    String serviceName,
    String metricName,
    MetricType type,
    String unit,
    boolean monotonic,
    Temporality temporality,
    List<String> attributeKeys,
    List<String> attributeValues,
    List<String> resourceKeys,
    List<String> resourceValues,
    double value,
    long pointCount,
    List<Double> bucketBounds,
    List<Long> bucketCounts) {

  public MetricPointRecord {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(metricName, "metricName");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(temporality, "temporality");
    if (attributeKeys.size() != attributeValues.size()
        || resourceKeys.size() != resourceValues.size()) {
      throw new IllegalArgumentException("attribute keys and values differ in length");
    }
  }

  /** Point time in whole seconds, the {@code timestamp} DateTime column. */
  public long timeEpochSeconds() {
    return Math.floorDiv(timeUnixNano, 1_000_000_000L);
  }
}
