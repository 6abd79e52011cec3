package dev.meerkat.dashboard.jvm.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.chart.domain.ChartLine;
import dev.meerkat.store.query.metric.MetricSample;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepGridAndRatesTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void gridStartsAtTheStepHoldingFromAndEndsBeforeTo() {
    StepGrid grid = StepGrid.of(T0.plusSeconds(30), T0.plusSeconds(210), Duration.ofSeconds(60));

    assertThat(grid.epochSeconds())
        .containsExactly(
            T0.getEpochSecond(),
            T0.getEpochSecond() + 60,
            T0.getEpochSecond() + 120,
            T0.getEpochSecond() + 180);
  }

  @Test
  void lineHasOneScaledValueOrNullPerStep() {
    StepGrid grid = StepGrid.of(T0, T0.plusSeconds(180), Duration.ofSeconds(60));

    ChartLine line =
        grid.line(
            "Eden",
            List.of(sample(0, 1048576), sample(120, 3 * 1048576)),
            bytes -> bytes / 1048576);

    assertThat(line).isEqualTo(new ChartLine("Eden", Arrays.asList(1.0, null, 3.0)));
  }

  @Test
  void ratesPerMinuteSpanMissingStepsAndRestartAtAReset() {
    List<MetricSample> cumulative =
        List.of(sample(0, 10), sample(60, 13), sample(180, 19), sample(240, 4));

    assertThat(CounterRates.perMinute(cumulative))
        .containsExactly(
            // 3 more in one minute; 6 more over two minutes; the JVM restarted: 4 since then.
            sample(60, 3), sample(180, 3), sample(240, 4));
  }

  @Test
  void stepIsOneMinuteOrASixtiethOfTheWindowInWholeMinutes() {
    assertThat(stepFor(Duration.ofMinutes(15))).isEqualTo(Duration.ofMinutes(1));
    assertThat(stepFor(Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(1));
    assertThat(stepFor(Duration.ofHours(6))).isEqualTo(Duration.ofMinutes(6));
    assertThat(stepFor(Duration.ofHours(24))).isEqualTo(Duration.ofMinutes(24));
    assertThat(stepFor(Duration.ofDays(30))).isEqualTo(Duration.ofHours(12));
    // 121 min / 60 = 2 min 1 s, rounded up to whole minutes.
    assertThat(stepFor(Duration.ofMinutes(121))).isEqualTo(Duration.ofMinutes(3));
  }

  private static Duration stepFor(Duration window) {
    return StepGrid.stepFor(T0, T0.plus(window));
  }

  private static MetricSample sample(long seconds, double value) {
    return new MetricSample(T0.plusSeconds(seconds), value);
  }
}
