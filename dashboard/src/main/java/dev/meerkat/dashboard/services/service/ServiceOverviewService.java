package dev.meerkat.dashboard.services.service;

import dev.meerkat.dashboard.services.domain.Apdex;
import dev.meerkat.dashboard.services.domain.ApdexThresholds;
import dev.meerkat.dashboard.services.domain.LatencySeries;
import dev.meerkat.dashboard.services.domain.ServiceOverview;
import dev.meerkat.dashboard.services.domain.Sparkline;
import dev.meerkat.store.query.ServiceLatencyCell;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.query.ServiceSummary;
import dev.meerkat.store.query.ServiceTrafficPoint;
import dev.meerkat.store.query.ServiceTrafficRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Services overview and per-service latency over a time range. */
@Service
public class ServiceOverviewService {

  private final ServiceMetricsRepository metrics;
  private final ServiceTrafficRepository traffic;
  private final ApdexThresholds apdexThresholds;

  ServiceOverviewService(
      ServiceMetricsRepository metrics,
      ServiceTrafficRepository traffic,
      ApdexThresholds apdexThresholds) {
    this.metrics = metrics;
    this.traffic = traffic;
    this.apdexThresholds = apdexThresholds;
  }

  /**
   * Every service with spans in [from, to): RED, Apdex with its threshold and requests per step.
   * Three store queries whatever the number of services.
   */
  public List<ServiceOverview> overview(Instant from, Instant to) {
    Map<String, List<ServiceLatencyCell>> cells =
        traffic.latencyCells(from, to).stream()
            .collect(Collectors.groupingBy(ServiceLatencyCell::service));
    Duration step = Sparkline.stepFor(from, to);
    Map<String, List<ServiceTrafficPoint>> points =
        traffic.trafficSeries(from, to, step).stream()
            .collect(Collectors.groupingBy(ServiceTrafficPoint::service));
    return metrics.services(from, to).stream()
        .map(
            red ->
                new ServiceOverview(
                    red,
                    Apdex.of(
                        cells.getOrDefault(red.service(), List.of()),
                        apdexThresholds.of(red.service())),
                    Sparkline.of(points.getOrDefault(red.service(), List.of()), from, to, step)))
        .toList();
  }

  /** Apdex of one service over [from, to) with its threshold, from that service's rows only. */
  public Apdex apdex(String service, Instant from, Instant to) {
    return Apdex.of(traffic.latencyCells(service, from, to), apdexThresholds.of(service));
  }

  /** RED of every service with spans in [from, to). */
  public List<ServiceSummary> services(Instant from, Instant to) {
    return metrics.services(from, to);
  }

  /** Per-minute p50/p99 and rate of one service in [from, to). */
  public LatencySeries latency(String service, Instant from, Instant to) {
    return LatencySeries.of(metrics.latencySeries(service, from, to), from, to);
  }
}
