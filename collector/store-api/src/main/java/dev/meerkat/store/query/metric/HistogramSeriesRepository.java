package dev.meerkat.store.query.metric;

import java.util.List;

/**
 * Count and sum series of explicit-bucket histogram metrics (such as {@code jvm.gc.duration}); the
 * buckets are not read.
 */
public interface HistogramSeriesRepository {

  /**
   * Every series of the histogram matching the query, ordered by their labels; in each step the
   * points' counts and sums are combined with the query's aggregation.
   */
  List<HistogramSeries> histograms(MetricSeriesQuery query);
}
