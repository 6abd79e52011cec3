package dev.meerkat.store.query;

import java.util.Arrays;

/**
 * Span counts per latency bucket of {@code span_red_1m}: bucket b holds durations in [2^(b/4),
 * 2^((b+1)/4)) microseconds, bucket 0 also everything under 1 microsecond. A quantile is reported
 * as the upper bound of the bucket holding its rank, so it overestimates by at most 19 % (one
 * bucket) and never underestimates.
 */
public final class LatencyHistogram {

  static final int BUCKETS = 256;

  private final double[] counts = new double[BUCKETS];
  private double total;

  /** Adds {@code count} (sample-weighted) spans to bucket {@code bucket}. */
  public void add(int bucket, double count) {
    if (bucket < 0 || bucket >= BUCKETS) {
      throw new IllegalArgumentException("latency bucket out of range: " + bucket);
    }
    counts[bucket] += count;
    total += count;
  }

  public double total() {
    return total;
  }

  /** Upper bound of bucket {@code b} in milliseconds: 2^((b+1)/4) µs / 1000. */
  public static double upperBoundMillis(int bucket) {
    return Math.pow(2, (bucket + 1) / 4.0) / 1000.0;
  }

  /**
   * The {@code q}-quantile (0 < q <= 1) in milliseconds, or NaN when the histogram is empty: the
   * upper bound of the first bucket whose cumulative count reaches {@code q * total}.
   */
  public double quantileMillis(double q) {
    if (total <= 0) {
      return Double.NaN;
    }
    double rank = q * total;
    double cumulative = 0;
    int last = 0;
    for (int b = 0; b < BUCKETS; b++) {
      if (counts[b] <= 0) {
        continue;
      }
      cumulative += counts[b];
      last = b;
      // Tolerance: weighted counts are sums of doubles, rank q*total may miss by an ulp.
      if (cumulative >= rank * (1 - 1e-9)) {
        return upperBoundMillis(b);
      }
    }
    return upperBoundMillis(last);
  }

  @Override
  public String toString() {
    return "LatencyHistogram{total=" + total + ", counts=" + Arrays.toString(counts) + "}";
  }
}
