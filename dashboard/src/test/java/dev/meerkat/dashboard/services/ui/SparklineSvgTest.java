package dev.meerkat.dashboard.services.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.services.domain.Sparkline;
import dev.meerkat.dashboard.testing.ServiceColourGolden;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SparklineSvgTest {

  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");

  /**
   * Two one-minute steps: 60 requests (6 failed), then 120 (none failed). The request line peaks at
   * the top (y = 2) in the second step; the error line is 1/20 of that peak high in the first. Its
   * colour is the service's colour from the hand-written golden file, as on the other pages.
   */
  @Test
  void drawsTheRequestLineInTheServiceColourAndTheErrorLineInRed() {
    Sparkline traffic =
        new Sparkline(
            List.of(
                new Sparkline.Step(T0, T0.plusSeconds(60), 60, 6),
                new Sparkline.Step(T0.plusSeconds(60), T0.plusSeconds(120), 120, 0)));
    Map.Entry<String, String> checkout =
        ServiceColourGolden.read().entrySet().stream()
            .filter(e -> e.getKey().equals("checkout"))
            .findFirst()
            .orElseThrow();

    String svg = SparklineSvg.render(checkout.getKey(), traffic);

    // Height 28: y = 26 - rate / max * 24; x from 1 to 119. Errors: 0.1/s of a 2/s peak.
    assertThat(svg)
        .isEqualTo(
            "<svg class=\"sparkline\" width=\"120\" height=\"28\" viewBox=\"0 0 120 28\">"
                + "<title>Requests per step (UTC)"
                + System.lineSeparator()
                + "11-30 10:00  60 requests, 6 failed (1.00/s)"
                + System.lineSeparator()
                + "11-30 10:01  120 requests, 0 failed (2.00/s)</title>"
                + "<polyline fill=\"none\" stroke=\"var(--lumo-error-color)\" stroke-width=\"1.5\""
                + " points=\"1.0,24.8 119.0,26.0\"/>"
                + "<polyline fill=\"none\" stroke=\""
                + checkout.getValue()
                + "\" stroke-width=\"1.5\" points=\"1.0,14.0 119.0,2.0\"/>"
                + "</svg>");
  }
}
