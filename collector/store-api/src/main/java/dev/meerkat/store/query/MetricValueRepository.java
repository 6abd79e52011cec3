package dev.meerkat.store.query;

import java.time.Instant;
import java.util.Map;

/** Reads stored metric points (any metric, as received over OTLP) for threshold rules. */
public interface MetricValueRepository {

  /**
   * Per service, the mean of the values of the GAUGE and SUM points of {@code metricName} with a
   * timestamp in {@code [from, to)} (NaN values ignored); a service without such points is absent.
   * The mean of a gauge is what a threshold on it means; for a monotonic cumulative sum it is the
   * mean counter value, not a rate.
   */
  Map<String, Double> meanByService(String metricName, Instant from, Instant to);
}
