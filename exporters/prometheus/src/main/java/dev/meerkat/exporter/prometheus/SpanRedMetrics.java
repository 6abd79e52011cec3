package dev.meerkat.exporter.prometheus;

import dev.meerkat.store.model.SpanKind;
import dev.meerkat.store.model.SpanRecord;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.List;

/**
 * Rate, errors and duration per service, derived from the spans a service handled (SERVER and
 * CONSUMER spans), as Prometheus series. Counters count with the span's sample rate, so sampling
 * does not lower rates; the histogram counts each stored span once (it cannot take weights).
 */
public final class SpanRedMetrics {

  // Classic buckets from 5 ms to 10 s: the range request latencies of JVM services span.
  static final double[] DURATION_BUCKETS_SECONDS = {
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private final Counter requests;
  private final Counter errors;
  private final Histogram duration;

  private SpanRedMetrics(PrometheusRegistry registry) {
    requests =
        Counter.builder()
            .name("meerkat_service_requests_total")
            .help("Requests handled per service (SERVER and CONSUMER spans, sample-rate weighted).")
            .labelNames("service")
            .withoutExemplars()
            .register(registry);
    errors =
        Counter.builder()
            .name("meerkat_service_errors_total")
            .help("Requests per service whose span status is ERROR (sample-rate weighted).")
            .labelNames("service")
            .withoutExemplars()
            .register(registry);
    duration =
        Histogram.builder()
            .name("meerkat_service_request_duration_seconds")
            .help("Request duration per service, from SERVER and CONSUMER spans.")
            .unit(io.prometheus.metrics.model.snapshots.Unit.SECONDS)
            .labelNames("service")
            .classicOnly()
            .classicUpperBounds(DURATION_BUCKETS_SECONDS)
            .withoutExemplars()
            .register(registry);
  }

  /** Registers the three series in {@code registry}. */
  public static SpanRedMetrics create(PrometheusRegistry registry) {
    return new SpanRedMetrics(registry);
  }

  /** Counts a batch of accepted spans; the collector wires this to its span pipeline. */
  public void record(List<SpanRecord> spans) {
    for (int i = 0; i < spans.size(); i++) {
      SpanRecord span = spans.get(i);
      if (span.kind() != SpanKind.SERVER && span.kind() != SpanKind.CONSUMER) {
        continue;
      }
      String service = span.serviceName();
      requests.labelValues(service).inc(span.sampleRate());
      if (span.isError()) {
        errors.labelValues(service).inc(span.sampleRate());
      }
      duration.labelValues(service).observe(span.durationNanos() / 1e9);
    }
  }
}
