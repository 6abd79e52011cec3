package dev.meerkat.store.model;

/** Metric point kinds; {@link #code()} is the value of the {@code metric_type} Enum8. */
public enum MetricType {
  GAUGE(1),
  SUM(2),
  HISTOGRAM(3),
  EXPONENTIAL_HISTOGRAM(4),
  SUMMARY(5);

  private final int code;

  MetricType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }
}
