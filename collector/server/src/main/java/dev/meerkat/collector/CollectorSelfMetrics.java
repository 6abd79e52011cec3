package dev.meerkat.collector;

import dev.meerkat.collector.pipeline.BatchMetricProcessor;
import dev.meerkat.collector.pipeline.BatchSpanProcessor;
import dev.meerkat.collector.pipeline.SpoolState;
import dev.meerkat.collector.pipeline.WriteObserver;
import dev.meerkat.collector.receiver.OtlpHttpMetricReceiver;
import dev.meerkat.collector.receiver.OtlpHttpSpanReceiver;
import dev.meerkat.collector.receiver.OtlpReceiverCounts;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.function.LongSupplier;
import java.util.function.ToDoubleFunction;

/**
 * The collector's own metrics, labelled by {@code signal} (spans, metric_points): items received,
 * rejected, refused, written and dropped, queue size, and write latency.
 */
final class CollectorSelfMetrics {

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
      OtlpHttpSpanReceiver spanReceiver,
      OtlpHttpMetricReceiver metricReceiver,
      BatchSpanProcessor spans,
      BatchMetricProcessor points) {
    OtlpReceiverCounts spanIn = spanReceiver.counts();
    OtlpReceiverCounts pointsIn = metricReceiver.counts();
    counter(
        registry,
        "received",
        "Items decoded from OTLP requests.",
        spanIn::received,
        pointsIn::received);
    counter(
        registry,
        "rejected",
        "Invalid items rejected (OTLP partial success).",
        spanIn::rejected,
        pointsIn::rejected);
    counter(
        registry,
        "refused",
        "Items refused with 503 because the spool (or, without a spool, the queue) was full.",
        spanIn::refused,
        pointsIn::refused);
    counter(
        registry,
        "bad_requests",
        "OTLP requests answered 400, 413 or 415.",
        spanIn::badRequests,
        pointsIn::badRequests);
    counter(
        registry,
        "written",
        "Items stored in ClickHouse.",
        () -> spans.counts().written(),
        () -> points.counts().written());
    counter(
        registry,
        "dropped",
        "Accepted items given up after write failures.",
        () -> spans.counts().dropped(),
        () -> points.counts().dropped());
    counter(
        registry,
        "write_failures",
        "Failed batch write attempts.",
        () -> spans.counts().failedWrites(),
        () -> points.counts().failedWrites());
    counter(
        registry,
        "spool_replayed",
        "Items read back from a spool left by an earlier run.",
        () -> spans.counts().replayed(),
        () -> points.counts().replayed());
    counter(
        registry,
        "spool_dead_lettered",
        "Accepted items ClickHouse refused for good, kept in the spool's dead-letter file.",
        () -> spans.spoolState().enabled() ? spans.counts().dropped() : 0,
        () -> points.spoolState().enabled() ? points.counts().dropped() : 0);
    spoolGauge(
        registry,
        "spool_items",
        "Acknowledged items in the spool not yet stored in ClickHouse.",
        state -> state.pendingItems(),
        spans,
        points);
    spoolGauge(
        registry,
        "spool_bytes",
        "Bytes of the spool's segment files.",
        state -> state.bytes(),
        spans,
        points);
    spoolGauge(
        registry,
        "spool_segments",
        "Segment files of the spool.",
        state -> state.segments(),
        spans,
        points);
    spoolGauge(
        registry,
        "spool_oldest_unsent_age_seconds",
        "Age of the oldest acknowledged item not yet stored in ClickHouse.",
        state -> state.oldestUnsentMillis() / 1000.0,
        spans,
        points);
    GaugeWithCallback.builder()
        .name("meerkat_collector_queue_size")
        .help("Items waiting to be written.")
        .labelNames("signal")
        .callback(
            callback -> {
              callback.call(spans.counts().queued(), "spans");
              callback.call(points.counts().queued(), "metric_points");
            })
        .register(registry);
  }

  private static void spoolGauge(
      PrometheusRegistry registry,
      String what,
      String help,
      ToDoubleFunction<SpoolState> value,
      BatchSpanProcessor spans,
      BatchMetricProcessor points) {
    GaugeWithCallback.builder()
        .name("meerkat_collector_" + what)
        .help(help)
        .labelNames("signal")
        .callback(
            callback -> {
              callback.call(value.applyAsDouble(spans.spoolState()), "spans");
              callback.call(value.applyAsDouble(points.spoolState()), "metric_points");
            })
        .register(registry);
  }

  // Read at scrape time, so the series always show the current counts.
  private static void counter(
      PrometheusRegistry registry,
      String what,
      String help,
      LongSupplier spans,
      LongSupplier points) {
    CounterWithCallback.builder()
        .name("meerkat_collector_" + what + "_total")
        .help(help)
        .labelNames("signal")
        .callback(
            callback -> {
              callback.call(spans.getAsLong(), "spans");
              callback.call(points.getAsLong(), "metric_points");
            })
        .register(registry);
  }
}
