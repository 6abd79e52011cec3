package dev.meerkat.store.query.metric;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One series of a metric: its labels (the {@code service.name} plus the point attributes, sorted by
 * name) and one sample per step that has points, ascending.
 */
public record MetricSeries(Map<String, String> labels, List<MetricSample> samples) {

  public MetricSeries {
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    samples = List.copyOf(samples);
  }
}
