package dev.meerkat.store.query.metric;

import java.time.Instant;
import java.util.List;

/**
 * One step of a histogram series with its buckets: count, sum and each bucket's count are the
 * step's points combined with the query's aggregation (bucket by bucket).
 *
 * @param start step start
 * @param count recorded values
 * @param sum their sum
 * @param bucketBounds explicit upper bounds, ascending, of the step's latest point
 * @param bucketCounts one more than the bounds: values in (bound[i-1], bound[i]], the last above
 *     the last bound; fractional only for the AVG aggregation
 */
public record HistogramBucketSample(
    Instant start, long count, double sum, List<Double> bucketBounds, List<Double> bucketCounts) {

  public HistogramBucketSample {
    bucketBounds = List.copyOf(bucketBounds);
    bucketCounts = List.copyOf(bucketCounts);
  }
}
