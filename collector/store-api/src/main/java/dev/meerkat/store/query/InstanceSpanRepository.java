package dev.meerkat.store.query;

import java.time.Instant;
import java.util.List;

/** The instances of a service seen in its spans. */
public interface InstanceSpanRepository {

  /**
   * Every instance of {@code service} with spans in the minutes starting in [from, to) (the minutes
   * {@link ServiceMetricsRepository} counts, so the instances' requests add up to the service's),
   * sorted by instance. Implementations may read an hourly rollup for the whole hours of the range
   * as long as the result equals a read of the spans.
   */
  List<InstanceSpans> instances(String service, Instant from, Instant to);
}
