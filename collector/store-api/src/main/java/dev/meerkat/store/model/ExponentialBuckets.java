package dev.meerkat.store.model;

import java.util.List;

/**
 * The buckets of an OTLP exponential histogram point. Bucket {@code i} of a range covers
 * (base^(offset+i), base^(offset+i+1)] with base = 2^(2^-scale); {@code zeroCount} counts values
 * whose magnitude is at most {@code zeroThreshold}.
 */
public record ExponentialBuckets(
    int scale,
    long zeroCount,
    double zeroThreshold,
    int positiveOffset,
    List<Long> positiveBucketCounts,
    int negativeOffset,
    List<Long> negativeBucketCounts) {

  /** What points of other types carry. */
  public static final ExponentialBuckets NONE =
      new ExponentialBuckets(0, 0, 0, 0, List.of(), 0, List.of());

  public ExponentialBuckets {
    positiveBucketCounts = List.copyOf(positiveBucketCounts);
    negativeBucketCounts = List.copyOf(negativeBucketCounts);
  }
}
