package dev.meerkat.dashboard.ui.chart;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import dev.meerkat.dashboard.chart.domain.ChartLine;
import dev.meerkat.dashboard.chart.domain.TimeSeriesChart;
import java.util.ArrayList;
import java.util.List;

/**
 * Several lines over time with a unit on the y axis (uPlot), backed by {@code time-chart.ts}. Used
 * by the JVM page and the service page's RED charts.
 */
@Tag("meerkat-time-chart")
@NpmPackage(value = "uplot", version = "1.6.32")
@JsModule("./time-chart.ts")
public class TimeChart extends Component {

  public TimeChart() {
    getElement().getStyle().set("width", "100%");
  }

  /** Nulls in the lines become gaps; NaN never reaches the browser. */
  public void setChart(TimeSeriesChart chart) {
    List<String> labels = new ArrayList<>();
    List<List<Double>> values = new ArrayList<>();
    for (ChartLine line : chart.lines()) {
      labels.add(line.label());
      values.add(line.values());
    }
    getElement().callJsFunction("setData", chart.unit(), chart.epochSeconds(), labels, values);
  }
}
