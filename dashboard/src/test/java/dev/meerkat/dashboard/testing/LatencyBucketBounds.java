package dev.meerkat.dashboard.testing;

import java.time.Duration;

/** The rollups' latency buckets, written from their spec so tests need not ask the code. */
public final class LatencyBucketBounds {

  private LatencyBucketBounds() {}

  /**
   * Upper bound in ms of the rollup's latency bucket holding {@code duration}: bucket b holds [2^(b
   * / 4), 2^((b + 1) / 4)) µs (docs/api.md, LatencyHistogram); quantiles are reported as that
   * bound.
   */
  public static double upperMillis(Duration duration) {
    double micros = Math.max(duration.toNanos(), 1000) / 1000.0;
    int bucket = (int) Math.floor(Math.log(micros) / Math.log(2) * 4);
    return Math.pow(2, (bucket + 1) / 4.0) / 1000.0;
  }
}
