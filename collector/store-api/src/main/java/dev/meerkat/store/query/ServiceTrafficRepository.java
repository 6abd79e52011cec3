package dev.meerkat.store.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the services overview reads of every service at once, one query each, from the RED rollups
 * (requests: SERVER and CONSUMER spans, sample-weighted). Ranges are half-open [from, to) and
 * select whole minutes, as in {@link ServiceMetricsRepository}.
 */
public interface ServiceTrafficRepository {

  /**
   * Requests per service, error flag and latency bucket, summed over the range; services and
   * buckets without requests are left out. Ordered by service, error flag, bucket.
   */
  List<ServiceLatencyCell> latencyCells(Instant from, Instant to);

  /** The cells of {@link #latencyCells} for one service, read from its rollup rows only. */
  List<ServiceLatencyCell> latencyCells(String service, Instant from, Instant to);

  /**
   * Requests and failed requests per service per {@code step}: steps start at multiples of {@code
   * step} since the epoch, the first is clipped to {@code from}. Steps without requests are left
   * out. Ordered by service, then step. {@code step} is whole minutes, at least one.
   */
  List<ServiceTrafficPoint> trafficSeries(Instant from, Instant to, Duration step);
}
