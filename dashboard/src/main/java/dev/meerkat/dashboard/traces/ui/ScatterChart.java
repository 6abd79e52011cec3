package dev.meerkat.dashboard.traces.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import dev.meerkat.store.query.TraceOverview;
import java.util.List;
import java.util.function.Consumer;

/** Duration over start time of found traces (Apache ECharts scatter), {@code trace-scatter.ts}. */
@Tag("meerkat-trace-scatter")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./trace-scatter.ts")
class ScatterChart extends Component {

  /** What the browser gets per trace; field names match the TypeScript interface. */
  public record Point(
      String traceId,
      String service,
      String operation,
      long startMillis,
      double durationMillis,
      boolean error) {}

  ScatterChart() {
    setId("trace-scatter");
    getElement().getStyle().set("width", "100%");
  }

  void setTraces(List<TraceOverview> traces) {
    getElement().callJsFunction("setPoints", points(traces));
  }

  /** Calls back with the id of the trace whose point was clicked. */
  void onTraceClick(Consumer<String> listener) {
    getElement()
        .addEventListener(
            "trace-click",
            e -> listener.accept(e.getEventData().get("event.detail.traceId").asString()))
        .addEventData("event.detail.traceId");
  }

  static List<Point> points(List<TraceOverview> traces) {
    return traces.stream()
        .map(
            t ->
                new Point(
                    t.traceId(),
                    t.rootService(),
                    t.rootOperation(),
                    t.start().toEpochMilli(),
                    t.durationNanos() / 1e6,
                    t.error()))
        .toList();
  }
}
