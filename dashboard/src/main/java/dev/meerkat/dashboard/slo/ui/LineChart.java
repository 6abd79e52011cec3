package dev.meerkat.dashboard.slo.ui;

import com.vaadin.flow.component.Html;
import dev.meerkat.dashboard.ui.Markup;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.StringJoiner;

/**
 * A small server-rendered SVG line chart: no client code, so nothing to add to the production
 * frontend bundle. Points without a value are gaps (the line is split there).
 */
final class LineChart {

  private static final int WIDTH = 800;
  private static final int HEIGHT = 200;
  private static final int PAD = 30;

  /** One point of a series. */
  record Point(Instant at, OptionalDouble value) {}

  private LineChart() {}

  /**
   * @param id element id of the {@code svg}
   * @param label what the y axis shows, e.g. "error budget remaining"
   * @param low lowest y value on the axis (values below are clamped)
   * @param high highest y value on the axis
   */
  static Html render(String id, String label, List<Point> points, double low, double high) {
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\""
                + " width=\"100%%\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
            Markup.escape(id),
            WIDTH,
            HEIGHT,
            HEIGHT,
            Markup.escape(label)));
    svg.append(
        String.format(
            Locale.ROOT,
            "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#999\"/>",
            PAD,
            HEIGHT - PAD,
            WIDTH - PAD,
            HEIGHT - PAD));
    svg.append(text(PAD, 14, label + " (" + format(low) + " to " + format(high) + ")"));
    if (points.size() >= 2) {
      long first = points.getFirst().at().getEpochSecond();
      long last = Math.max(first + 1, points.getLast().at().getEpochSecond());
      StringJoiner line = new StringJoiner(" ");
      for (Point point : points) {
        if (point.value().isEmpty()) {
          flush(svg, line);
          line = new StringJoiner(" ");
          continue;
        }
        double x =
            PAD + (WIDTH - 2.0 * PAD) * (point.at().getEpochSecond() - first) / (last - first);
        double clamped = Math.max(low, Math.min(high, point.value().getAsDouble()));
        double y = HEIGHT - PAD - (HEIGHT - 2.0 * PAD) * (clamped - low) / (high - low);
        line.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
      }
      flush(svg, line);
    }
    svg.append("</svg>");
    Html chart = new Html(svg.toString());
    // In a flex column (the page layout) the svg would otherwise shrink to nothing.
    chart.getElement().getStyle().set("flex-shrink", "0");
    return chart;
  }

  private static void flush(StringBuilder svg, StringJoiner line) {
    if (line.length() > 0) {
      svg.append("<polyline fill=\"none\" stroke=\"#1676f3\" stroke-width=\"2\" points=\"")
          .append(line)
          .append("\"/>");
    }
  }

  private static String text(int x, int y, String content) {
    return "<text x=\""
        + x
        + "\" y=\""
        + y
        + "\" font-size=\"12\">"
        + Markup.escape(content)
        + "</text>";
  }

  private static String format(double value) {
    return String.format(Locale.ROOT, "%.0f %%", value * 100);
  }
}
