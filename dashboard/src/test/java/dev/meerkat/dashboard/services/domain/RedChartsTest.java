package dev.meerkat.dashboard.services.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.chart.domain.ChartLine;
import dev.meerkat.dashboard.chart.domain.TimeSeriesChart;
import dev.meerkat.store.query.RedPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedChartsTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void stepIsOneMinuteOrASixtiethOfTheWindowInWholeMinutes() {
    assertThat(RedCharts.step(Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(1));
    assertThat(RedCharts.step(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(1));
    assertThat(RedCharts.step(Duration.ofHours(6))).isEqualTo(Duration.ofMinutes(6));
    assertThat(RedCharts.step(Duration.ofDays(7))).isEqualTo(Duration.ofMinutes(168));
    // 61 minutes: a sixtieth is just over a minute, rounded up to two.
    assertThat(RedCharts.step(Duration.ofMinutes(61))).isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void stepsWithoutRequestsHaveRateZeroAndGapsElsewhere() {
    // A window starting mid-step: the store clips the first step's start to the window.
    Instant from = T0.plusSeconds(30);
    Instant to = T0.plusSeconds(180);
    List<RedPoint> points = List.of(new RedPoint(from, 3, 3 / 30.0, 1 / 3.0, 1.5, 2.5, 4.0));
    List<TimeSeriesChart> charts = RedCharts.of(points, from, to, Duration.ofMinutes(1));

    assertThat(charts).extracting(TimeSeriesChart::id).containsExactly("rate", "errors", "latency");
    assertThat(charts).extracting(TimeSeriesChart::unit).containsExactly("req/s", "%", "ms");
    long t0 = T0.getEpochSecond();
    assertThat(charts.get(0).epochSeconds()).containsExactly(t0, t0 + 60, t0 + 120);
    assertThat(charts.get(0).lines())
        .containsExactly(new ChartLine("requests", List.of(0.1, 0.0, 0.0)));
    assertThat(charts.get(1).lines())
        .containsExactly(new ChartLine("errors", Arrays.asList(1 / 3.0 * 100, null, null)));
    assertThat(charts.get(2).lines())
        .containsExactly(
            new ChartLine("p50", Arrays.asList(1.5, null, null)),
            new ChartLine("p95", Arrays.asList(2.5, null, null)),
            new ChartLine("p99", Arrays.asList(4.0, null, null)));
  }
}
