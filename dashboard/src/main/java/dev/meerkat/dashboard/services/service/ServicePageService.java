package dev.meerkat.dashboard.services.service;

import dev.meerkat.dashboard.jvm.domain.JvmChart;
import dev.meerkat.dashboard.services.domain.Endpoint;
import dev.meerkat.dashboard.services.domain.RedCharts;
import dev.meerkat.store.query.ErrorCauseRepository;
import dev.meerkat.store.query.ErrorGroup;
import dev.meerkat.store.query.RedPoint;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.query.ServiceSummary;
import dev.meerkat.store.query.TraceRepository;
import dev.meerkat.store.query.TraceSummary;
import dev.meerkat.store.query.metric.MetricInstanceRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What the page of one service shows over a window [from, to). */
@Service
public class ServicePageService {

  /** Rows of the slowest-traces and top-errors tables. */
  public static final int TOP = 10;

  private final ServiceMetricsRepository metrics;
  private final TraceRepository traces;
  private final ErrorCauseRepository errors;
  private final MetricInstanceRepository instances;

  ServicePageService(
      ServiceMetricsRepository metrics,
      TraceRepository traces,
      ErrorCauseRepository errors,
      MetricInstanceRepository instances) {
    this.metrics = metrics;
    this.traces = traces;
    this.errors = errors;
    this.instances = instances;
  }

  /** The service's RED over the window; empty when it had no spans there. */
  public Optional<ServiceSummary> summary(String service, Instant from, Instant to) {
    return metrics.services(from, to).stream().filter(s -> s.service().equals(service)).findFirst();
  }

  /** Request RED per step of {@link RedCharts#step}, steps without requests left out. */
  public List<RedPoint> series(String service, Instant from, Instant to) {
    return metrics.redSeries(service, from, to, RedCharts.step(Duration.between(from, to)));
  }

  public List<JvmChart> charts(String service, Instant from, Instant to) {
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

  /** The service.instance.id of the JVMs that sent metrics in the window, sorted. */
  public List<String> instances(String service, Instant from, Instant to) {
    return instances.instances(service, from, to);
  }
}
