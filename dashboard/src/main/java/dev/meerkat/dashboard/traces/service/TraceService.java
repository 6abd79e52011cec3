package dev.meerkat.dashboard.traces.service;

import dev.meerkat.dashboard.traces.domain.TraceWaterfall;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.TracePage;
import dev.meerkat.store.query.TraceQuery;
import dev.meerkat.store.query.TraceRepository;
import dev.meerkat.store.query.TraceSummary;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Recent traces of a service and whole traces as waterfalls. */
@Service
public class TraceService {

  /** How far back the service list reaches. */
  static final Duration LOOKBACK = Duration.ofHours(24);

  private final TraceRepository traces;
  private final ServiceMetricsRepository metrics;
  private final Clock clock;

  TraceService(TraceRepository traces, ServiceMetricsRepository metrics, Clock clock) {
    this.traces = traces;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Traces of {@code service} started from {@code from} to {@code to}, newest first. */
  public List<TraceSummary> recentTraces(
      String service, Instant from, Instant to, int offset, int limit) {
    return traces.recentTraces(service, from, to, offset, limit);
  }

  public List<String> services() {
    Instant now = clock.instant();
    return metrics.serviceNames(now.minus(LOOKBACK), now.plusSeconds(60));
  }

  /** One page of the traces {@code query} finds (the explorer's search). */
  public TracePage search(TraceQuery query) {
    return traces.search(query);
  }

  /** Every span of a trace by start time, empty when the id is unknown. */
  public Optional<List<SpanDetail>> spans(String traceId) {
    return traces.trace(traceId);
  }

  public Optional<TraceWaterfall> waterfall(String traceId) {
    return traces.trace(traceId).map(spans -> TraceWaterfall.of(traceId, spans));
  }
}
