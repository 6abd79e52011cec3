package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.MetricRule;
import dev.meerkat.dashboard.alerting.domain.MetricSeries;
import dev.meerkat.store.query.LatencyHistogram;
import dev.meerkat.store.query.MetricValueRepository;
import dev.meerkat.store.query.RequestCell;
import dev.meerkat.store.query.RequestCellRepository;
import dev.meerkat.store.query.RequestCounts;
import dev.meerkat.store.query.ServiceMetricsRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Reads one value of a rule's series (a RED value or a stored metric's mean) of one service from
 * the per-minute rollups over the whole minutes {@code [t - window, t)}, t being {@code now}
 * truncated to the minute (the minute in progress is not complete). Empty when the service had no
 * request in the window: no data.
 */
public final class RedSeriesReader {

  private final ServiceMetricsRepository metrics;
  private final RequestCellRepository cells;
  private final MetricValueRepository storedMetrics;

  public RedSeriesReader(
      ServiceMetricsRepository metrics,
      RequestCellRepository cells,
      MetricValueRepository storedMetrics) {
    this.metrics = metrics;
    this.cells = cells;
    this.storedMetrics = storedMetrics;
  }

  /** The rule's value for one service at {@code now}; empty: no data. */
  public OptionalDouble read(MetricRule rule, String service, Instant now) {
    Instant to = now.truncatedTo(ChronoUnit.MINUTES);
    Instant from = to.minus(rule.window());
    if (rule.series() == MetricSeries.METRIC) {
      Double mean = storedMetrics.meanByService(rule.metricName(), from, to).get(service);
      return mean == null ? OptionalDouble.empty() : OptionalDouble.of(mean);
    }
    return read(rule.series(), service, rule.window(), now);
  }

  /**
   * Services that report the rule's series in its window: the groups of a rule on every service.
   */
  public List<String> services(MetricRule rule, Instant now) {
    if (rule.series() == MetricSeries.METRIC) {
      Instant to = now.truncatedTo(ChronoUnit.MINUTES);
      return List.copyOf(
          storedMetrics.meanByService(rule.metricName(), to.minus(rule.window()), to).keySet());
    }
    return services(rule.window(), now);
  }

  OptionalDouble read(MetricSeries series, String service, Duration window, Instant now) {
    Instant to = now.truncatedTo(ChronoUnit.MINUTES);
    Instant from = to.minus(window);
    return switch (series) {
      case METRIC -> throw new IllegalArgumentException("a stored metric needs its rule");
      case REQUEST_RATE, ERROR_RATE -> {
        RequestCounts counts = metrics.requestCounts(service, from, to);
        if (counts.total() <= 0) {
          yield OptionalDouble.empty();
        }
        yield OptionalDouble.of(
            series == MetricSeries.REQUEST_RATE
                ? counts.total() / window.toSeconds()
                : 100.0 * counts.errors() / counts.total());
      }
      case P95_LATENCY -> quantile(service, from, to, 0.95);
      case P99_LATENCY -> quantile(service, from, to, 0.99);
    };
  }

  /** Services with any span in the window. */
  List<String> services(Duration window, Instant now) {
    Instant to = now.truncatedTo(ChronoUnit.MINUTES);
    return metrics.serviceNames(to.minus(window), to);
  }

  private OptionalDouble quantile(String service, Instant from, Instant to, double q) {
    LatencyHistogram histogram = new LatencyHistogram();
    for (RequestCell cell : cells.requestCells(service, from, to)) {
      histogram.add(cell.latencyBucket(), cell.requests());
    }
    return histogram.total() <= 0
        ? OptionalDouble.empty()
        : OptionalDouble.of(histogram.quantileMillis(q));
  }
}
