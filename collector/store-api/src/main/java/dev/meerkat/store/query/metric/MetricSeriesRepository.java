package dev.meerkat.store.query.metric;

import java.util.List;

/**
 * Gauge and sum series from the stored metric points. Histograms: {@link
 * HistogramSeriesRepository}.
 */
public interface MetricSeriesRepository {

  /** Every series of the metric matching the query, ordered by their labels. */
  List<MetricSeries> series(MetricSeriesQuery query);
}
