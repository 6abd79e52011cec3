package dev.meerkat.dashboard.services.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.meerkat.dashboard.jvm.ui.JvmView;
import dev.meerkat.dashboard.services.domain.LatencySeries;
import dev.meerkat.dashboard.traces.ui.TracesView;
import java.time.Duration;
import java.time.Instant;

/**
 * Below the services grid: the selected service's latency chart and links to its traces and JVM.
 */
final class ServiceDetails extends Div {

  /** Reads one service's per-minute latency in [from, to). */
  interface LatencyReader {
    LatencySeries latency(String service, Instant from, Instant to);
  }

  private static final Duration LATENCY_CHART_MAX = Duration.ofDays(1);

  private final LatencyReader reader;

  ServiceDetails(LatencyReader reader) {
    this.reader = reader;
    setWidthFull();
    setId("service-details");
  }

  /** Shows {@code service} over [from, to); null clears the panel. */
  void show(String service, Instant from, Instant to) {
    removeAll();
    if (service == null) {
      return;
    }
    RouterLink traces =
        new RouterLink(
            "Traces of " + service, TracesView.class, new RouteParameters("service", service));
    traces.setId("traces-link");
    RouterLink jvm =
        new RouterLink("JVM of " + service, JvmView.class, new RouteParameters("service", service));
    jvm.setId("jvm-link");
    add(
        new H3("Latency of " + service + " (p50, p99)"),
        chart(service, from, to),
        new HorizontalLayout(traces, jvm));
  }

  private Component chart(String service, Instant from, Instant to) {
    if (Duration.between(from, to).compareTo(LATENCY_CHART_MAX) > 0) {
      // One point per minute: beyond a day that is more points than pixels and than a query may
      // return (meerkat.query.max-rows); the service page charts longer windows.
      return new Paragraph("The latency chart shows windows up to 24 hours.");
    }
    LatencyChart chart = new LatencyChart();
    chart.setSeries(reader.latency(service, from, to));
    return chart;
  }
}
