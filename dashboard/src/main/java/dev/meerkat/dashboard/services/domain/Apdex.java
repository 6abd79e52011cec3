package dev.meerkat.dashboard.services.domain;

import dev.meerkat.store.query.ServiceLatencyCell;
import java.time.Duration;

/**
 * Apdex of one service (Apdex Alliance spec): {@code (satisfied + tolerating / 2) / total}, where a
 * request is satisfied when it took at most T and tolerating when at most 4T.
 *
 * <p>Two choices the spec leaves open, taken as New Relic and our latency SLI take them:
 *
 * <ul>
 *   <li>A failed request (status ERROR) is frustrated whatever its duration: a fast error is not a
 *       satisfied user.
 *   <li>Durations are stored as rollup buckets [2^(b/4), 2^((b+1)/4)) µs, not exactly. A bucket
 *       counts as satisfied only when its upper bound is at most T, as tolerating when its upper
 *       bound is at most 4T, else as frustrated. So the score is exact when T and 4T are bucket
 *       bounds and otherwise errs low (never flatters): a request just under T whose bucket reaches
 *       past T counts as tolerating.
 * </ul>
 *
 * @param threshold T
 * @param satisfied sample-weighted requests satisfied
 * @param tolerating sample-weighted requests tolerating
 * @param total all sample-weighted requests
 */
public record Apdex(Duration threshold, double satisfied, double tolerating, double total) {

  /** Sums the cells of one service; the caller passes only that service's cells. */
  public static Apdex of(Iterable<ServiceLatencyCell> cells, Duration threshold) {
    double satisfiedMicros = threshold.toNanos() / 1000.0;
    double satisfied = 0;
    double tolerating = 0;
    double total = 0;
    for (ServiceLatencyCell cell : cells) {
      total += cell.requests();
      if (cell.error()) {
        continue;
      }
      double upperMicros = Math.pow(2, (cell.latencyBucket() + 1) / 4.0);
      if (upperMicros <= satisfiedMicros) {
        satisfied += cell.requests();
      } else if (upperMicros <= 4 * satisfiedMicros) {
        tolerating += cell.requests();
      }
    }
    return new Apdex(threshold, satisfied, tolerating, total);
  }

  /** The score from 0 to 1; NaN without requests. */
  public double score() {
    return total > 0 ? (satisfied + tolerating / 2) / total : Double.NaN;
  }
}
