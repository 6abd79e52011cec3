package dev.meerkat.dashboard.alerting.domain;

/** The RED series a metric rule can watch, computed over the rule's window from the rollups. */
public enum MetricSeries {
  /** Requests per second (sample-weighted SERVER and CONSUMER spans / window seconds). */
  REQUEST_RATE("request rate", "req/s"),
  /** Failed requests as a percentage of all requests. */
  ERROR_RATE("error rate", "%"),
  /** 95th percentile latency (upper bound of the bucket holding the rank), milliseconds. */
  P95_LATENCY("p95 latency", "ms"),
  /** 99th percentile latency, milliseconds. */
  P99_LATENCY("p99 latency", "ms"),
  /** Any stored metric (gauge or sum points from {@code metric_points}): mean over the window. */
  METRIC("metric", "");

  private final String label;
  private final String unit;

  MetricSeries(String label, String unit) {
    this.label = label;
    this.unit = unit;
  }

  public String label() {
    return label;
  }

  public String unit() {
    return unit;
  }
}
