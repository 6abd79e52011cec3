package dev.meerkat.store.query.metric;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One series of a histogram metric with buckets: labels as in {@link MetricSeries}. */
public record HistogramBucketSeries(
    Map<String, String> labels, List<HistogramBucketSample> samples) {

  public HistogramBucketSeries {
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    samples = List.copyOf(samples);
  }
}
