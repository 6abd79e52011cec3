package dev.meerkat.store.query;

import java.time.Instant;
import java.util.List;

/**
 * Per-service RED metrics read from the per-minute rollup. Time ranges are half-open [from, to) and
 * select whole minutes: a minute is included when its start lies in the range.
 */
public interface ServiceMetricsRepository {

  /** Every service with any span in the range, with its request rate, errors and latency. */
  List<ServiceSummary> services(Instant from, Instant to);

  /** Names of every service with any span in the range, sorted. */
  List<String> serviceNames(Instant from, Instant to);

  /** Per-minute request rate and p50/p99 of one service, minutes with requests only, ascending. */
  List<LatencyPoint> latencySeries(String service, Instant from, Instant to);

  /** Total and failed requests of one service (the SLI inputs). */
  RequestCounts requestCounts(String service, Instant from, Instant to);
}
