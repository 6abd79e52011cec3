package dev.meerkat.dashboard.services.service;

import dev.meerkat.dashboard.services.domain.LatencySeries;
import dev.meerkat.dashboard.services.domain.TimeRange;
import dev.meerkat.store.query.OperationSummary;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.query.ServiceSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Services overview and per-service latency over a look-back window ending now. */
@Service
public class ServiceOverviewService {

  private final ServiceMetricsRepository metrics;
  private final Clock clock;

  ServiceOverviewService(ServiceMetricsRepository metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  public List<ServiceSummary> services(TimeRange range) {
    Instant now = clock.instant();
    return services(now.minus(range.duration()), now);
  }

  /** RED of every service with spans in [from, to). */
  public List<ServiceSummary> services(Instant from, Instant to) {
    return metrics.services(from, to);
  }

  /** RED of every operation of {@code service} in [from, to); empty for an unknown service. */
  public List<OperationSummary> operations(String service, Instant from, Instant to) {
    return metrics.operations(service, from, to);
  }

  public LatencySeries latency(String service, TimeRange range) {
    Instant now = clock.instant();
    Instant from = now.minus(range.duration());
    return LatencySeries.of(metrics.latencySeries(service, from, now), from, now);
  }
}
