package dev.meerkat.dashboard.services.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.query.LatencyPoint;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencySeriesTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void fillsEveryMinuteWithNullGapsAndNeverNaN() {
    List<LatencyPoint> points = List.of(new LatencyPoint(T0.plusSeconds(60), 2.0, 1.5, Double.NaN));

    LatencySeries series = LatencySeries.of(points, T0.minusSeconds(30), T0.plusSeconds(150));

    long t = T0.getEpochSecond();
    assertThat(series.epochSeconds()).containsExactly(t, t + 60, t + 120);
    assertThat(series.p50Millis()).containsExactly(null, 1.5, null);
    assertThat(series.p99Millis()).containsExactly(null, null, null);
    assertThat(series.requestsPerSecond()).containsExactly(0.0, 2.0, 0.0);
    assertThat(Arrays.asList(series.p50Millis().toArray())).doesNotContain(Double.NaN);
  }
}
