package dev.meerkat.dashboard.services.service;

import dev.meerkat.dashboard.chart.domain.TimeSeriesChart;
import dev.meerkat.dashboard.services.domain.Endpoint;
import dev.meerkat.dashboard.services.domain.RedCharts;
import dev.meerkat.dashboard.services.domain.ServiceInstance;
import dev.meerkat.dashboard.services.domain.WeekRow;
import dev.meerkat.dashboard.slo.domain.WeeklySloCheck;
import dev.meerkat.dashboard.slo.service.SloWeeks;
import dev.meerkat.store.query.ErrorCauseRepository;
import dev.meerkat.store.query.ErrorGroup;
import dev.meerkat.store.query.InstanceSpanRepository;
import dev.meerkat.store.query.RedPoint;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.query.ServiceSummary;
import dev.meerkat.store.query.TraceRepository;
import dev.meerkat.store.query.TraceSummary;
import dev.meerkat.store.query.metric.MetricInstanceRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What the page of one service shows over a window [from, to). */
@Service
public class ServicePageService {

  /** ISO weeks in the weekly table. */
  public static final int WEEKS = 8;

  /**
   * Weeks of RED per store read: 28 days, within the default 31-day query range limit ({@code
   * meerkat.query.max-range}), so the weekly table costs two reads instead of one per week.
   */
  static final int WEEKS_PER_READ = 4;

  /** Rows of the slowest-traces and top-errors tables. */
  public static final int TOP = 10;

  private final ServiceMetricsRepository metrics;
  private final TraceRepository traces;
  private final ErrorCauseRepository errors;
  private final InstanceSpanRepository spanInstances;
  private final MetricInstanceRepository metricInstances;
  private final SloWeeks sloWeeks;
  private final Clock clock;

  ServicePageService(
      ServiceMetricsRepository metrics,
      TraceRepository traces,
      ErrorCauseRepository errors,
      InstanceSpanRepository spanInstances,
      MetricInstanceRepository metricInstances,
      SloWeeks sloWeeks,
      Clock clock) {
    this.metrics = metrics;
    this.traces = traces;
    this.errors = errors;
    this.spanInstances = spanInstances;
    this.metricInstances = metricInstances;
    this.sloWeeks = sloWeeks;
    this.clock = clock;
  }

  /** The service's RED over the window; empty when it had no spans there. */
  public Optional<ServiceSummary> summary(String service, Instant from, Instant to) {
    return metrics.service(service, from, to);
  }

  /** Request RED per step of {@link RedCharts#step}, steps without requests left out. */
  public List<RedPoint> series(String service, Instant from, Instant to) {
    return metrics.redSeries(service, from, to, RedCharts.step(Duration.between(from, to)));
  }

  public List<TimeSeriesChart> charts(String service, Instant from, Instant to) {
    Duration step = RedCharts.step(Duration.between(from, to));
    return RedCharts.of(metrics.redSeries(service, from, to, step), from, to, step);
  }

  public List<Endpoint> endpoints(String service, Instant from, Instant to) {
    return Endpoint.of(
        metrics.operations(service, from, to), metrics.operationTimes(service, from, to));
  }

  public List<TraceSummary> slowestRequests(String service, Instant from, Instant to) {
    return traces.slowestRequests(service, from, to, TOP);
  }

  public List<ErrorGroup> topErrors(String service, Instant from, Instant to) {
    return errors.topErrors(service, from, to, TOP);
  }

  /**
   * The instances that sent spans or metric points in the window, sorted by name: requests and
   * errors from their spans, a JVM page where they sent metrics.
   */
  public List<ServiceInstance> instances(String service, Instant from, Instant to) {
    return ServiceInstance.merge(
        spanInstances.instances(service, from, to), metricInstances.seen(service, from, to));
  }

  /**
   * The last {@link #WEEKS} ISO weeks, newest first (the current one up to now), each with the
   * service's RED (read {@link #WEEKS_PER_READ} weeks at a time) and the names of its SLOs violated
   * in that week.
   */
  public List<WeekRow> weeks(String service) {
    Instant now = clock.instant();
    List<Instant> starts = WeekRow.lastWeekStarts(now, WEEKS);
    List<WeeklySloCheck> checks = sloWeeks.check(service, starts, now);
    Map<Instant, RedPoint> redByWeek = new HashMap<>();
    // Newest first: each read ends where the newer one starts (the first ends now).
    for (int i = 0; i < starts.size(); i += WEEKS_PER_READ) {
      List<Instant> weeks = starts.subList(i, Math.min(i + WEEKS_PER_READ, starts.size()));
      Instant end = i == 0 ? now : starts.get(i - 1);
      metrics
          .weeklyRedSeries(service, weeks.getLast(), end)
          .forEach(point -> redByWeek.put(point.start(), point));
    }
    List<WeekRow> rows = new ArrayList<>(starts.size());
    for (Instant start : starts) {
      List<String> violated =
          checks.stream()
              .filter(check -> check.violatedWeeks().contains(start))
              .map(WeeklySloCheck::name)
              .toList();
      Optional<RedPoint> red = Optional.ofNullable(redByWeek.get(start));
      rows.add(
          new WeekRow(
              start,
              red.map(RedPoint::requests).orElse(0.0),
              red.map(RedPoint::errorRatio).orElse(0.0),
              red.map(RedPoint::p95Millis).orElse(Double.NaN),
              red.map(RedPoint::p99Millis).orElse(Double.NaN),
              violated));
    }
    return rows;
  }
}
