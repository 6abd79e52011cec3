package dev.meerkat.collector;

import dev.meerkat.collector.pipeline.BatchRecordProcessor;
import dev.meerkat.collector.pipeline.BatchSpanProcessor;
import dev.meerkat.collector.pipeline.SpoolState;
import dev.meerkat.collector.pipeline.WriteObserver;
import dev.meerkat.collector.receiver.AuthFailure;
import dev.meerkat.collector.receiver.IngestGate;
import dev.meerkat.collector.receiver.IngestGateCounts;
import dev.meerkat.collector.receiver.IngestLimiter;
import dev.meerkat.collector.receiver.OtlpReceiverCounts;
import dev.meerkat.collector.receiver.Truncation;
import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.model.MetricPointRecord;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The collector's own metrics, labelled by {@code signal} (spans, metric_points, logs): items
 * received, accepted, rejected and refused and bad requests (also by {@code protocol}: grpc, http),
 * truncated, written and dropped, queue size, and write latency.
 */
final class CollectorSelfMetrics {

  /** What one receiver saw: one signal over one protocol. */
  record ReceiverCounts(String signal, String protocol, OtlpReceiverCounts counts) {}

  private final Histogram writeDuration;

  CollectorSelfMetrics(PrometheusRegistry registry) {
    writeDuration =
        Histogram.builder()
            .name("meerkat_collector_write_duration_seconds")
            .help("Duration of one batch write to ClickHouse, by signal and outcome.")
            .unit(Unit.SECONDS)
            .labelNames("signal", "outcome")
            .classicOnly()
            .classicUpperBounds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
            .withoutExemplars()
            .register(registry);
  }

  WriteObserver writeObserver(String signal) {
    return (items, nanos, success) ->
        writeDuration.labelValues(signal, success ? "success" : "failure").observe(nanos / 1e9);
  }

  void register(
      PrometheusRegistry registry,
      List<ReceiverCounts> receivers,
      BatchSpanProcessor spans,
      BatchRecordProcessor<MetricPointRecord> points,
      BatchRecordProcessor<LogRecord> logs) {
    receiverCounter(
        registry, "received", "Items decoded from OTLP requests.", receivers, c -> c.received());
    receiverCounter(registry, "accepted", "Items the pipeline took.", receivers, c -> c.accepted());
    receiverCounter(
        registry,
        "rejected",
        "Invalid items rejected (OTLP partial success).",
        receivers,
        c -> c.rejected());
    receiverCounter(
        registry,
        "refused",
        "Items refused because the spool (or, without a spool, the queue) was full (retryable) or"
            + " the request too large.",
        receivers,
        c -> c.refused());
    receiverCounter(
        registry,
        "bad_requests",
        "OTLP requests refused before mapping (undecodable, too large, unsupported type).",
        receivers,
        c -> c.badRequests());
    counter(
        registry,
        "written",
        "Items stored in ClickHouse.",
        () -> spans.counts().written(),
        () -> points.counts().written(),
        () -> logs.counts().written());
    counter(
        registry,
        "dropped",
        "Accepted items given up after write failures.",
        () -> spans.counts().dropped(),
        () -> points.counts().dropped(),
        () -> logs.counts().dropped());
    counter(
        registry,
        "write_failures",
        "Failed batch write attempts.",
        () -> spans.counts().failedWrites(),
        () -> points.counts().failedWrites(),
        () -> logs.counts().failedWrites());
    counter(
        registry,
        "spool_replayed",
        "Items read back from a spool left by an earlier run.",
        () -> spans.counts().replayed(),
        () -> points.counts().replayed(),
        () -> logs.counts().replayed());
    counter(
        registry,
        "spool_dead_lettered",
        "Accepted items ClickHouse refused for good, kept in the spool's dead-letter file.",
        () -> spans.spoolState().enabled() ? spans.counts().dropped() : 0,
        () -> points.spoolState().enabled() ? points.counts().dropped() : 0,
        () -> logs.spoolState().enabled() ? logs.counts().dropped() : 0);
    spoolGauge(
        registry,
        "spool_items",
        "Acknowledged items in the spool not yet stored in ClickHouse.",
        state -> state.pendingItems(),
        spans,
        points,
        logs);
    spoolGauge(
        registry,
        "spool_bytes",
        "Bytes of the spool's segment files.",
        state -> state.bytes(),
        spans,
        points,
        logs);
    spoolGauge(
        registry,
        "spool_segments",
        "Segment files of the spool.",
        state -> state.segments(),
        spans,
        points,
        logs);
    spoolGauge(
        registry,
        "spool_oldest_unsent_age_seconds",
        "Age of the oldest acknowledged item not yet stored in ClickHouse.",
        state -> state.oldestUnsentMillis() / 1000.0,
        spans,
        points,
        logs);
    GaugeWithCallback.builder()
        .name("meerkat_collector_queue_size")
        .help("Items waiting to be written.")
        .labelNames("signal")
        .callback(
            callback -> {
              callback.call(spans.counts().queued(), "spans");
              callback.call(points.counts().queued(), "metric_points");
              callback.call(logs.counts().queued(), "logs");
            })
        .register(registry);
  }

  /** {@code meerkat_collector_truncated_total{signal,what}}: what the ingest limits cut off. */
  void registerTruncations(
      PrometheusRegistry registry, IngestLimiter spans, IngestLimiter points, IngestLimiter logs) {
    CounterWithCallback.builder()
        .name("meerkat_collector_truncated_total")
        .help(
            "Attributes, events and links dropped, and attribute values shortened, by the ingest"
                + " limits.")
        .labelNames("signal", "what")
        .callback(
            callback -> {
              for (Truncation what : Truncation.values()) {
                callback.call(spans.truncated(what), "spans", what.label());
                callback.call(points.truncated(what), "metric_points", what.label());
                callback.call(logs.truncated(what), "logs", what.label());
              }
            })
        .register(registry);
  }

  /**
   * {@code meerkat_collector_ingest_unauthenticated_total{protocol,reason}}, {@code
   * meerkat_collector_ingest_rate_limited_total{protocol}} and {@code
   * meerkat_collector_ingest_authenticated_total{protocol,token}} (requests, by token name).
   */
  void registerIngestGates(PrometheusRegistry registry, Map<String, IngestGate> gates) {
    CounterWithCallback.builder()
        .name("meerkat_collector_ingest_unauthenticated_total")
        .help("OTLP requests refused for a missing, malformed or unknown bearer token.")
        .labelNames("protocol", "reason")
        .callback(
            callback ->
                gates.forEach(
                    (protocol, gate) -> {
                      for (AuthFailure reason : AuthFailure.values()) {
                        callback.call(
                            gate.counts().unauthenticated(reason), protocol, reason.label());
                      }
                    }))
        .register(registry);
    CounterWithCallback.builder()
        .name("meerkat_collector_ingest_rate_limited_total")
        .help("OTLP requests refused by the ingest rate limit (429, RESOURCE_EXHAUSTED).")
        .labelNames("protocol")
        .callback(
            callback ->
                gates.forEach(
                    (protocol, gate) -> callback.call(gate.counts().rateLimited(), protocol)))
        .register(registry);
    CounterWithCallback.builder()
        .name("meerkat_collector_ingest_authenticated_total")
        .help("OTLP requests let in, by the name of the bearer token they carried.")
        .labelNames("protocol", "token")
        .callback(
            callback ->
                gates.forEach(
                    (protocol, gate) -> {
                      IngestGateCounts counts = gate.counts();
                      for (int i = 0; i < counts.tokenNames().size(); i++) {
                        callback.call(
                            counts.acceptedWithToken(i), protocol, counts.tokenNames().get(i));
                      }
                    }))
        .register(registry);
  }

  private static void receiverCounter(
      PrometheusRegistry registry,
      String what,
      String help,
      List<ReceiverCounts> receivers,
      ToLongFunction<OtlpReceiverCounts> count) {
    CounterWithCallback.builder()
        .name("meerkat_collector_" + what + "_total")
        .help(help)
        .labelNames("signal", "protocol")
        .callback(
            callback -> {
              for (ReceiverCounts receiver : receivers) {
                callback.call(
                    count.applyAsLong(receiver.counts()), receiver.signal(), receiver.protocol());
              }
            })
        .register(registry);
  }

  private static void spoolGauge(
      PrometheusRegistry registry,
      String what,
      String help,
      ToDoubleFunction<SpoolState> value,
      BatchSpanProcessor spans,
      BatchRecordProcessor<MetricPointRecord> points,
      BatchRecordProcessor<LogRecord> logs) {
    GaugeWithCallback.builder()
        .name("meerkat_collector_" + what)
        .help(help)
        .labelNames("signal")
        .callback(
            callback -> {
              callback.call(value.applyAsDouble(spans.spoolState()), "spans");
              callback.call(value.applyAsDouble(points.spoolState()), "metric_points");
              callback.call(value.applyAsDouble(logs.spoolState()), "logs");
            })
        .register(registry);
  }

  // Read at scrape time, so the series always show the current counts.
  private static void counter(
      PrometheusRegistry registry,
      String what,
      String help,
      LongSupplier spans,
      LongSupplier points,
      LongSupplier logs) {
    CounterWithCallback.builder()
        .name("meerkat_collector_" + what + "_total")
        .help(help)
        .labelNames("signal")
        .callback(
            callback -> {
              callback.call(spans.getAsLong(), "spans");
              callback.call(points.getAsLong(), "metric_points");
              callback.call(logs.getAsLong(), "logs");
            })
        .register(registry);
  }
}
