package dev.meerkat.store.model;

import java.util.List;

/** Builds a {@link MetricPointRecord}; unset fields are empty, min/max/sum-less values NaN. */
public final class MetricPointBuilder {

  private final MetricType type;
  private final String serviceName;
  private final String metricName;
  private long timeUnixNano;
  private long startTimeUnixNano;
  private String description = "";
  private String unit = "";
  private boolean monotonic;
  private Temporality temporality = Temporality.UNSPECIFIED;
  private int flags;
  private List<String> attributeKeys = List.of();
  private List<String> attributeValues = List.of();
  private List<String> resourceKeys = List.of();
  private List<String> resourceValues = List.of();
  private String scopeName = "";
  private String scopeVersion = "";
  private double value;
  private long pointCount;
  private double min = Double.NaN;
  private double max = Double.NaN;
  private List<Double> bucketBounds = List.of();
  private List<Long> bucketCounts = List.of();
  private ExponentialBuckets exponential = ExponentialBuckets.NONE;
  private List<Double> quantiles = List.of();
  private List<Double> quantileValues = List.of();

  MetricPointBuilder(MetricType type, String serviceName, String metricName) {
    this.type = type;
    this.serviceName = serviceName;
    this.metricName = metricName;
  }

  public MetricPointBuilder time(long startTimeUnixNano, long timeUnixNano) {
    this.startTimeUnixNano = startTimeUnixNano;
    this.timeUnixNano = timeUnixNano;
    return this;
  }

  public MetricPointBuilder description(String description, String unit) {
    this.description = description;
    this.unit = unit;
    return this;
  }

  public MetricPointBuilder aggregation(boolean monotonic, Temporality temporality) {
    this.monotonic = monotonic;
    this.temporality = temporality;
    return this;
  }

  public MetricPointBuilder flags(int flags) {
    this.flags = flags;
    return this;
  }

  public MetricPointBuilder attributes(List<String> keys, List<String> values) {
    this.attributeKeys = keys;
    this.attributeValues = values;
    return this;
  }

  public MetricPointBuilder resource(List<String> keys, List<String> values) {
    this.resourceKeys = keys;
    this.resourceValues = values;
    return this;
  }

  public MetricPointBuilder scope(String name, String version) {
    this.scopeName = name;
    this.scopeVersion = version;
    return this;
  }

  /** The gauge or sum value, or the sum of a histogram or summary (NaN when not sent). */
  public MetricPointBuilder value(double value) {
    this.value = value;
    return this;
  }

  public MetricPointBuilder count(long pointCount) {
    this.pointCount = pointCount;
    return this;
  }

  /** NaN for either when not sent. */
  public MetricPointBuilder minMax(double min, double max) {
    this.min = min;
    this.max = max;
    return this;
  }

  public MetricPointBuilder buckets(List<Double> bounds, List<Long> counts) {
    this.bucketBounds = List.copyOf(bounds);
    this.bucketCounts = List.copyOf(counts);
    return this;
  }

  public MetricPointBuilder exponential(ExponentialBuckets exponential) {
    this.exponential = exponential;
    return this;
  }

  public MetricPointBuilder quantiles(List<Double> quantiles, List<Double> values) {
    this.quantiles = List.copyOf(quantiles);
    this.quantileValues = List.copyOf(values);
    return this;
  }

  public MetricPointRecord build() {
    return new MetricPointRecord(
        timeUnixNano,
        startTimeUnixNano,
        serviceName,
        metricName,
        description,
        type,
        unit,
        monotonic,
        temporality,
        flags,
        attributeKeys,
        attributeValues,
        resourceKeys,
        resourceValues,
        scopeName,
        scopeVersion,
        value,
        pointCount,
        min,
        max,
        bucketBounds,
        bucketCounts,
        exponential,
        quantiles,
        quantileValues);
  }
}
