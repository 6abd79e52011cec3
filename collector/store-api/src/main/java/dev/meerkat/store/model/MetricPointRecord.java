package dev.meerkat.store.model;

import java.util.List;
import java.util.Objects;

/**
 * One metric data point as stored in {@code metric_points}, every OTLP point type in full but
 * exemplars. What each type carries (other fields hold their empty values):
 *
 * <ul>
 *   <li>gauge: {@code value}; sum: {@code value}, {@code monotonic}, {@code temporality};
 *   <li>histogram: {@code value} (the sum), {@code pointCount}, {@code min}, {@code max}, explicit
 *       buckets ({@code bucketCounts} has one more element than {@code bucketBounds});
 *   <li>exponential histogram: {@code value} (the sum), {@code pointCount}, {@code min}, {@code
 *       max}, {@code exponential};
 *   <li>summary: {@code value} (the sum), {@code pointCount}, {@code quantiles} with their {@code
 *       quantileValues}.
 * </ul>
 *
 * A sum, min or max the sender did not send is {@code NaN} ({@code NULL} for min and max in the
 * table).
 */
public record MetricPointRecord(
    long timeUnixNano,
    long startTimeUnixNano,
    String serviceName,
    String metricName,
    String description,
    MetricType type,
    String unit,
    boolean monotonic,
    Temporality temporality,
    int flags,
    List<String> attributeKeys,
    List<String> attributeValues,
    List<String> resourceKeys,
    List<String> resourceValues,
    String scopeName,
    String scopeVersion,
    double value,
    long pointCount,
    double min,
    double max,
    List<Double> bucketBounds,
    List<Long> bucketCounts,
    ExponentialBuckets exponential,
    List<Double> quantiles,
    List<Double> quantileValues) {

  public MetricPointRecord {
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(metricName, "metricName");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(temporality, "temporality");
    Objects.requireNonNull(exponential, "exponential");
    if (attributeKeys.size() != attributeValues.size()
        || resourceKeys.size() != resourceValues.size()) {
      throw new IllegalArgumentException("attribute keys and values differ in length");
    }
    if (quantiles.size() != quantileValues.size()) {
      throw new IllegalArgumentException("quantiles and quantile values differ in length");
    }
  }

  /** Point time in whole seconds, the {@code timestamp} DateTime column. */
  public long timeEpochSeconds() {
    return Math.floorDiv(timeUnixNano, 1_000_000_000L);
  }

  /** A builder for a point of {@code type}; every field not set holds its empty value. */
  public static MetricPointBuilder builder(MetricType type, String serviceName, String metricName) {
    return new MetricPointBuilder(type, serviceName, metricName);
  }
}
