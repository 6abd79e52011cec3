package dev.meerkat.store.query.metric;

import java.time.Instant;
import java.util.List;

/** The instances of a service seen in its metric points. */
public interface MetricInstanceRepository {

  /**
   * The distinct {@value LabelMatcher#INSTANCE_LABEL} resource attributes of the metric points of
   * {@code service} with a time in [from, to), sorted; points without one give the empty string.
   */
  default List<String> instances(String service, Instant from, Instant to) {
    return seen(service, from, to).stream().map(MetricInstance::instance).toList();
  }

  /** The instances of {@link #instances}, each with its first and last point in the window. */
  List<MetricInstance> seen(String service, Instant from, Instant to);
}
