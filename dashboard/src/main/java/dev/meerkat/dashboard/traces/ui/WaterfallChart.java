package dev.meerkat.dashboard.traces.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import dev.meerkat.dashboard.traces.domain.TraceWaterfall;
import dev.meerkat.dashboard.traces.domain.WaterfallRow;
import java.util.List;
import java.util.function.IntConsumer;

/** Trace waterfall (Apache ECharts custom series) backed by {@code trace-waterfall.ts}. */
@Tag("meerkat-trace-waterfall")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./trace-waterfall.ts")
class WaterfallChart extends Component {

  /** What the browser gets per row; field names match the TypeScript interface. */
  public record Bar(
      String name, String service, int depth, double offset, double duration, boolean error) {}

  WaterfallChart() {
    getElement().getStyle().set("width", "100%");
  }

  void setWaterfall(TraceWaterfall waterfall) {
    getElement().callJsFunction("setSpans", bars(waterfall.rows()));
  }

  /** Calls back with the row index of a clicked bar. */
  void onSpanClick(IntConsumer listener) {
    getElement()
        .addEventListener(
            "span-click", e -> listener.accept(e.getEventData().get("event.detail.index").asInt()))
        .addEventData("event.detail.index");
  }

  static List<Bar> bars(List<WaterfallRow> rows) {
    return rows.stream()
        .map(
            r ->
                new Bar(
                    r.span().name(),
                    r.span().service(),
                    r.depth(),
                    r.offsetMillis(),
                    r.durationMillis(),
                    r.span().isError()))
        .toList();
  }
}
