package dev.meerkat.dashboard.slo.service;

import dev.meerkat.dashboard.slo.domain.BurnWindow;
import dev.meerkat.dashboard.slo.domain.SloReading;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Turns SLO readings into Prometheus client snapshots, so the endpoint that serves them lets the
 * client's writers pick the text or OpenMetrics format. Every series has the labels {@code slo}
 * (id) and {@code service}. A value that is undefined (no traffic: no SLI, no burn rate) is left
 * out rather than exported as NaN, so {@code absent()} and alert rules see "no data".
 *
 * <ul>
 *   <li>{@code meerkat_slo_objective}: the target ratio, e.g. 0.999
 *   <li>{@code meerkat_slo_sli}: good / total over the SLO period
 *   <li>{@code meerkat_slo_error_budget_remaining}: 1 untouched, 0 spent, negative overspent
 *   <li>{@code meerkat_slo_burn_rate{window="5m"|"30m"|"1h"|"2h"|"6h"|"1d"|"3d"}}
 * </ul>
 */
public final class SloPrometheusSnapshots {

  public MetricSnapshots snapshot(List<SloReading> readings) {
    GaugeSnapshot.Builder objective =
        GaugeSnapshot.builder().name("meerkat_slo_objective").help("Target share of good events");
    GaugeSnapshot.Builder sli =
        GaugeSnapshot.builder()
            .name("meerkat_slo_sli")
            .help("Share of good events over the SLO period");
    GaugeSnapshot.Builder budget =
        GaugeSnapshot.builder()
            .name("meerkat_slo_error_budget_remaining")
            .help("Share of the error budget left: 1 untouched, 0 spent, negative overspent");
    GaugeSnapshot.Builder burnRate =
        GaugeSnapshot.builder()
            .name("meerkat_slo_burn_rate")
            .help("Error ratio over the window divided by the allowed error ratio");
    for (SloReading reading : readings) {
      Labels labels = Labels.of("service", reading.slo().service(), "slo", reading.slo().id());
      objective.dataPoint(point(labels, reading.slo().objective()));
      reading.sli().ifPresent(value -> sli.dataPoint(point(labels, value)));
      budget.dataPoint(point(labels, reading.errorBudgetRemaining()));
      for (BurnWindow window : BurnWindow.values()) {
        OptionalDouble rate = reading.burnRates().getOrDefault(window, OptionalDouble.empty());
        rate.ifPresent(
            value -> burnRate.dataPoint(point(labels.add("window", window.label()), value)));
      }
    }
    return MetricSnapshots.of(objective.build(), sli.build(), budget.build(), burnRate.build());
  }

  private static GaugeDataPointSnapshot point(Labels labels, double value) {
    return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
  }
}
