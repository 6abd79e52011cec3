package dev.meerkat.store.query.metric;

import java.util.List;

/** Count and sum series of explicit-bucket histogram metrics (such as {@code jvm.gc.duration}). */
public interface HistogramSeriesRepository {

  /**
   * Every series of the histogram matching the query, ordered by their labels; in each step the
   * points' counts and sums are combined with the query's aggregation.
   */
  List<HistogramSeries> histograms(MetricSeriesQuery query);

  /**
   * As {@link #histograms}, with each step's bucket counts too, combined bucket by bucket with the
   * query's aggregation; the bounds are those of the step's latest point (a series whose bounds
   * change inside a step mixes them: instruments keep their bounds, so this does not happen).
   */
  List<HistogramBucketSeries> histogramBuckets(MetricSeriesQuery query);
}
