package dev.meerkat.dashboard.map.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.dependency.NpmPackage;
import dev.meerkat.dashboard.map.domain.MapLayout;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.store.query.graph.GraphEdge;
import dev.meerkat.store.query.graph.ServiceGraph;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** Services and their peers as an Apache ECharts graph, {@code service-map.ts}. */
@Tag("meerkat-service-map")
@NpmPackage(value = "echarts", version = "6.1.0")
@JsModule("./service-map.ts")
class ServiceMapChart extends Component {

  /** A node in its grid cell; field names match the TypeScript interface. */
  public record Node(String name, String type, int column, int row) {}

  /** An edge with its numbers already formatted, so the browser shows exactly these texts. */
  public record Edge(
      String source,
      String target,
      String type,
      String label,
      String rate,
      String errors,
      String p99,
      boolean failing) {}

  ServiceMapChart() {
    setId("service-map");
    // Its full height in the page's column, never shrunk: the 8 rows need it (MapLayout).
    getElement().getStyle().set("width", "100%").set("flex-shrink", "0");
  }

  void setGraph(ServiceGraph graph) {
    getElement().callJsFunction("setGraph", nodes(graph), edges(graph));
  }

  /** Back to the whole map at zoom 1, after the user zoomed or moved it. */
  void resetView() {
    getElement().callJsFunction("resetView");
  }

  /** Calls back with the name of the service whose node was clicked (peers are not clickable). */
  void onServiceClick(Consumer<String> listener) {
    getElement()
        .addEventListener(
            "service-click",
            e -> listener.accept(e.getEventData().get("event.detail.service").asString()))
        .addEventData("event.detail.service");
  }

  static List<Node> nodes(ServiceGraph graph) {
    return MapLayout.of(graph).stream()
        .map(p -> new Node(p.node().name(), p.node().type().name(), p.column(), p.row()))
        .toList();
  }

  static List<Edge> edges(ServiceGraph graph) {
    return graph.edges().stream().map(ServiceMapChart::edge).toList();
  }

  private static Edge edge(GraphEdge e) {
    String perSecond = significant(e.callsPerSecond());
    String errors = Formats.percent(e.errorRatio());
    return new Edge(
        e.client(),
        e.peer(),
        e.type().name(),
        perSecond + "/s, " + errors + " errors",
        perSecond + " calls/s (" + String.format(Locale.ROOT, "%.0f", e.calls()) + " calls)",
        errors,
        Formats.millis(e.p99Millis()),
        e.errorRatio() > 0);
  }

  /**
   * Three significant digits, so a quiet edge's 0.00333 calls/s is not rounded to 0.00; from 100 on
   * whole numbers (1235, not 1230).
   */
  static String significant(double value) {
    BigDecimal exact = new BigDecimal(value);
    BigDecimal shown =
        value >= 100 ? exact.setScale(0, RoundingMode.HALF_UP) : exact.round(new MathContext(3));
    return shown.stripTrailingZeros().toPlainString();
  }
}
