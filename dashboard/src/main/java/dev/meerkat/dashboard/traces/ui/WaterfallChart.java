package dev.meerkat.dashboard.traces.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import dev.meerkat.dashboard.traces.domain.CriticalPath;
import dev.meerkat.dashboard.traces.domain.SpanException;
import dev.meerkat.dashboard.traces.domain.TraceWaterfall;
import dev.meerkat.dashboard.traces.domain.WaterfallRow;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Trace waterfall (Apache ECharts custom series) backed by {@code trace-waterfall.ts}: a bar per
 * span, the critical path outlined over the bars, exceptions marked where they happened, the spans
 * matching the attribute search marked.
 */
@Tag("meerkat-trace-waterfall")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./trace-waterfall.ts")
class WaterfallChart extends Component {

  /** What the browser gets per row; field names match the TypeScript interface. */
  public record Bar(
      String spanId,
      String name,
      String service,
      int depth,
      double offset,
      double duration,
      boolean error,
      List<Double> exceptions) {}

  /** A critical-path segment on row {@code row}, from/to in ms after the trace start. */
  public record CriticalSegment(String spanId, int row, double start, double end) {}

  WaterfallChart() {
    getElement().getStyle().set("width", "100%");
  }

  void setWaterfall(TraceWaterfall waterfall) {
    getElement()
        .callJsFunction(
            "setSpans",
            bars(waterfall.rows()),
            segments(waterfall.rows(), waterfall.criticalPath()));
  }

  /**
   * Marks the bars of {@code spanIds} (the attribute search's matches), named in the legend by
   * {@code summary}; no ids and an empty summary remove the marks.
   */
  void setMatches(List<String> spanIds, String summary) {
    getElement().callJsFunction("setMatches", spanIds, summary);
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
                    r.span().spanId(),
                    r.span().name(),
                    r.span().service(),
                    r.depth(),
                    r.offsetMillis(),
                    r.durationMillis(),
                    r.span().isError(),
                    SpanException.of(r.span()).stream()
                        .map(e -> r.offsetMillis() + r.millisIntoSpan(e.time()))
                        .toList()))
        .toList();
  }

  static List<CriticalSegment> segments(List<WaterfallRow> rows, CriticalPath path) {
    Map<String, Integer> rowOf = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      rowOf.putIfAbsent(rows.get(i).span().spanId(), i);
    }
    return path.segments().stream()
        .filter(s -> rowOf.containsKey(s.spanId()))
        .map(
            s ->
                new CriticalSegment(
                    s.spanId(), rowOf.get(s.spanId()), s.startNanos() / 1e6, s.endNanos() / 1e6))
        .toList();
  }
}
