package dev.meerkat.store.query.metric;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One series of a histogram metric: labels as in {@link MetricSeries}, one sample per step. */
public record HistogramSeries(Map<String, String> labels, List<HistogramSample> samples) {

  public HistogramSeries {
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    samples = List.copyOf(samples);
  }
}
