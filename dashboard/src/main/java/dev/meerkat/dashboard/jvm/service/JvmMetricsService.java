package dev.meerkat.dashboard.jvm.service;

import dev.meerkat.dashboard.chart.domain.ChartLine;
import dev.meerkat.dashboard.chart.domain.TimeSeriesChart;
import dev.meerkat.dashboard.jvm.domain.CounterRates;
import dev.meerkat.dashboard.jvm.domain.StepGrid;
import dev.meerkat.store.query.metric.HistogramSample;
import dev.meerkat.store.query.metric.HistogramSeries;
import dev.meerkat.store.query.metric.HistogramSeriesRepository;
import dev.meerkat.store.query.metric.LabelMatcher;
import dev.meerkat.store.query.metric.MetricInstanceRepository;
import dev.meerkat.store.query.metric.MetricSample;
import dev.meerkat.store.query.metric.MetricSeries;
import dev.meerkat.store.query.metric.MetricSeriesQuery;
import dev.meerkat.store.query.metric.MetricSeriesRepository;
import dev.meerkat.store.query.metric.StepAggregation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** The JVM page's data: a service's instances and one instance's JVM charts from/to instants. */
@Service
public class JvmMetricsService {

  private final MetricSeriesRepository series;
  private final HistogramSeriesRepository histograms;
  private final MetricInstanceRepository instances;

  JvmMetricsService(
      MetricSeriesRepository series,
      HistogramSeriesRepository histograms,
      MetricInstanceRepository instances) {
    this.series = series;
    this.histograms = histograms;
    this.instances = instances;
  }

  /** The instances of {@code service} that sent metric points from {@code from} to {@code to}. */
  public List<String> instances(String service, Instant from, Instant to) {
    return instances.instances(service, from, to);
  }

  /** Every chart of the page for one instance, in page order; a chart without data has no lines. */
  public List<TimeSeriesChart> charts(String service, String instance, Instant from, Instant to) {
    Duration step = StepGrid.stepFor(from, to);
    StepGrid grid = StepGrid.of(from, to, step);
    List<TimeSeriesChart> charts = new ArrayList<>();
    for (ChartSpec spec : JvmChartCatalogue.CHARTS) {
      List<ChartLine> lines = new ArrayList<>();
      for (LineSource source : spec.sources()) {
        MetricSeriesQuery query = query(source, service, instance, from, to, step);
        lines.addAll(lines(source, query, grid));
      }
      charts.add(
          new TimeSeriesChart(spec.id(), spec.title(), spec.unit(), grid.epochSeconds(), lines));
    }
    return charts;
  }

  private List<ChartLine> lines(LineSource source, MetricSeriesQuery query, StepGrid grid) {
    List<ChartLine> lines = new ArrayList<>();
    if (source.reading() == LineSource.Reading.GAUGE) {
      for (MetricSeries one : series.series(query)) {
        lines.add(grid.line(source.label().apply(one.labels()), one.samples(), source.scale()));
      }
      return lines;
    }
    for (HistogramSeries one : histograms.histograms(query)) {
      List<MetricSample> cumulative = new ArrayList<>();
      for (HistogramSample sample : one.samples()) {
        double value =
            source.reading() == LineSource.Reading.HISTOGRAM_COUNT_PER_MINUTE
                ? sample.count()
                : sample.sum();
        cumulative.add(new MetricSample(sample.start(), value));
      }
      lines.add(
          grid.line(
              source.label().apply(one.labels()),
              CounterRates.perMinute(cumulative),
              source.scale()));
    }
    return lines;
  }

  /**
   * Gauges are averaged per step; the histogram's cumulative count and sum are read at each step's
   * end (the agent exports cumulative temporality, the OTLP default).
   */
  private static MetricSeriesQuery query(
      LineSource source, String service, String instance, Instant from, Instant to, Duration step) {
    List<LabelMatcher> matchers = new ArrayList<>(source.matchers());
    matchers.add(LabelMatcher.equal("service.name", service));
    matchers.add(LabelMatcher.equal(LabelMatcher.INSTANCE_LABEL, instance));
    StepAggregation aggregation =
        source.reading() == LineSource.Reading.GAUGE ? StepAggregation.AVG : StepAggregation.LAST;
    return new MetricSeriesQuery(source.metric(), matchers, from, to, step, aggregation);
  }
}
