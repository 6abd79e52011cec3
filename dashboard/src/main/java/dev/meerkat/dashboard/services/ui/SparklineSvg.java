package dev.meerkat.dashboard.services.ui;

import dev.meerkat.dashboard.services.domain.Sparkline;
import dev.meerkat.dashboard.ui.Markup;
import dev.meerkat.dashboard.ui.ServiceColours;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A sparkline as inline SVG of a fixed size (so rows do not jump when it arrives): requests per
 * second as a line in the service's colour (the same as on the map, the explorer and the
 * waterfall), failed requests per second as a red one on the same scale, and a title (the browser's
 * tooltip) with the exact numbers of every step.
 */
final class SparklineSvg {

  static final int WIDTH = 120;
  static final int HEIGHT = 28;
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private SparklineSvg() {}

  static String render(String service, Sparkline sparkline) {
    List<Sparkline.Step> steps = sparkline.steps();
    double max = 0;
    for (Sparkline.Step step : steps) {
      max = Math.max(max, step.requestsPerSecond());
    }
    StringBuilder svg = new StringBuilder(1024);
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"sparkline\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT));
    svg.append("<title>").append(Markup.escape(title(steps))).append("</title>");
    // Errors first, so the request line stays visible where no request failed.
    svg.append(line(steps, max, true, "var(--lumo-error-color)"));
    svg.append(line(steps, max, false, ServiceColours.of(service)));
    return svg.append("</svg>").toString();
  }

  /** One line per step: start (UTC), requests and errors, and the rate. */
  static String title(List<Sparkline.Step> steps) {
    StringBuilder title = new StringBuilder("Requests per step (UTC)");
    for (Sparkline.Step step : steps) {
      title.append(
          String.format(
              Locale.ROOT,
              "%n%s  %s requests, %s failed (%.2f/s)",
              TIME.format(step.start()),
              count(step.requests()),
              count(step.errors()),
              step.requestsPerSecond()));
    }
    return title.toString();
  }

  private static String count(double value) {
    return value == Math.rint(value)
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, "%.2f", value);
  }

  private static String line(List<Sparkline.Step> steps, double max, boolean errors, String c) {
    if (steps.isEmpty()) {
      return "";
    }
    StringBuilder points = new StringBuilder();
    double dx = steps.size() > 1 ? (WIDTH - 2.0) / (steps.size() - 1) : 0;
    for (int i = 0; i < steps.size(); i++) {
      Sparkline.Step step = steps.get(i);
      double rate =
          errors ? step.requestsPerSecond() * step.errorRatio() : step.requestsPerSecond();
      double y = max > 0 ? HEIGHT - 2 - rate / max * (HEIGHT - 4) : HEIGHT - 2;
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", 1 + i * dx, y));
    }
    return "<polyline fill=\"none\" stroke=\""
        + c
        + "\" stroke-width=\"1.5\" points=\""
        + points.toString().strip()
        + "\"/>";
  }
}
