package dev.meerkat.dashboard.api;

import dev.meerkat.store.query.metric.HistogramBucketSeries;
import dev.meerkat.store.query.metric.HistogramSeriesRepository;
import dev.meerkat.store.query.metric.LabelMatcher;
import dev.meerkat.store.query.metric.MetricSeries;
import dev.meerkat.store.query.metric.MetricSeriesQuery;
import dev.meerkat.store.query.metric.MetricSeriesRepository;
import dev.meerkat.store.query.metric.StepAggregation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Gauge and sum series of one stored metric (JVM metrics and any other OTLP metric), or its
 * explicit-bucket histogram series with count, sum and buckets per step.
 */
@RestController
class MetricsApi {

  /** Prometheus's limit too: more points than a chart has pixels is a mistake in the request. */
  static final long MAX_STEPS = 11_000;

  static final Duration DEFAULT_STEP = Duration.ofMinutes(1);

  private final MetricSeriesRepository metrics;
  private final HistogramSeriesRepository histograms;
  private final Clock clock;

  MetricsApi(MetricSeriesRepository metrics, HistogramSeriesRepository histograms, Clock clock) {
    this.metrics = metrics;
    this.histograms = histograms;
    this.clock = clock;
  }

  /** A name is one metric type: {@code series} (gauge, sum) or {@code histograms} is empty. */
  record Series(
      String name,
      Instant from,
      Instant to,
      long stepSeconds,
      StepAggregation aggregation,
      List<MetricSeries> series,
      List<HistogramBucketSeries> histograms) {}

  @GetMapping("/api/v1/metrics")
  Series series(
      @RequestParam(name = "name", required = false) String name,
      @RequestParam(name = "label", required = false) List<String> labels,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "window", required = false) String window,
      @RequestParam(name = "step", required = false) String step,
      @RequestParam(name = "aggregation", required = false) String aggregation) {
    if (name == null || name.isBlank()) {
      throw new BadParameterException(
          "parameter 'name' is required: the metric name, e.g. jvm.memory.used");
    }
    QueryWindow range = QueryWindow.resolve(from, to, window, clock);
    Duration stepLength = step == null ? DEFAULT_STEP : Parameters.duration("step", step);
    if (range.length().dividedBy(stepLength) > MAX_STEPS) {
      throw new BadParameterException(
          "step",
          "at least 1/" + MAX_STEPS + " of the time range (" + range.length() + ")",
          step == null ? DEFAULT_STEP.toSeconds() + "s" : step);
    }
    StepAggregation how =
        aggregation == null
            ? StepAggregation.AVG
            : StepAggregation.valueOf(
                Parameters.choice("aggregation", aggregation, "avg", "last", "sum", "min", "max")
                    .toUpperCase(Locale.ROOT));
    MetricSeriesQuery query =
        new MetricSeriesQuery(name, matchers(labels), range.from(), range.to(), stepLength, how);
    return new Series(
        name,
        range.from(),
        range.to(),
        stepLength.toSeconds(),
        how,
        metrics.series(query),
        histograms.histogramBuckets(query));
  }

  /** {@code key=value} selects series with that label value, {@code key!=value} the others. */
  private static List<LabelMatcher> matchers(List<String> labels) {
    List<LabelMatcher> matchers = new ArrayList<>();
    for (String label : labels == null ? List.<String>of() : labels) {
      String[] pair = Parameters.keyValue("label", label);
      boolean negated = pair[0].endsWith("!");
      String key = negated ? pair[0].substring(0, pair[0].length() - 1) : pair[0];
      if (key.isEmpty()) {
        throw new BadParameterException("label", "key=value or key!=value", label);
      }
      matchers.add(new LabelMatcher(key, pair[1], negated));
    }
    return matchers;
  }
}
