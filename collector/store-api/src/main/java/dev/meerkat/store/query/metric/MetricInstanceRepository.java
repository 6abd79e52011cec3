package dev.meerkat.store.query.metric;

import java.time.Instant;
import java.util.List;

/** The instances of a service seen in its metric points. */
public interface MetricInstanceRepository {

  /**
   * The distinct {@value LabelMatcher#INSTANCE_LABEL} resource attributes of the metric points of
   * {@code service} with a time in [from, to), sorted; points without one give the empty string.
   */
  List<String> instances(String service, Instant from, Instant to);
}
