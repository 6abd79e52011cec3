package dev.meerkat.dashboard.services.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import dev.meerkat.dashboard.services.domain.LatencySeries;

/** p50/p99 latency chart (uPlot) backed by {@code latency-chart.ts}. */
@Tag("meerkat-latency-chart")
@NpmPackage(value = "uplot", version = "1.6.32")
@JsModule("./latency-chart.ts")
class LatencyChart extends Component {

  LatencyChart() {
    setWidthFull();
  }

  void setWidthFull() {
    getElement().getStyle().set("width", "100%");
  }

  /** Nulls in the series become gaps; NaN never reaches the browser. */
  void setSeries(LatencySeries series) {
    getElement()
        .callJsFunction("setData", series.epochSeconds(), series.p50Millis(), series.p99Millis());
  }
}
