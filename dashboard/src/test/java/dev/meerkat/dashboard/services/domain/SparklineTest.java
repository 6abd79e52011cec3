package dev.meerkat.dashboard.services.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.query.ServiceTrafficPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SparklineTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void choosesTheSmallestStepGivingAtMostThirtySteps() {
    assertThat(Sparkline.stepFor(T0, T0.plus(Duration.ofMinutes(15))))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(Sparkline.stepFor(T0, T0.plus(Duration.ofMinutes(30))))
        .isEqualTo(Duration.ofMinutes(1));
    assertThat(Sparkline.stepFor(T0, T0.plus(Duration.ofHours(1))))
        .isEqualTo(Duration.ofMinutes(2));
    assertThat(Sparkline.stepFor(T0, T0.plus(Duration.ofHours(6))))
        .isEqualTo(Duration.ofMinutes(15));
    assertThat(Sparkline.stepFor(T0, T0.plus(Duration.ofHours(24))))
        .isEqualTo(Duration.ofMinutes(60));
    assertThat(Sparkline.stepFor(T0, T0.plus(Duration.ofDays(7)))).isEqualTo(Duration.ofHours(6));
    assertThat(Sparkline.stepFor(T0, T0.plus(Duration.ofDays(60)))).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void fillsEveryStepOfTheWindowClippingTheFirstAndLast() {
    // Window 12:00:30 to 12:05:10 in 2-minute steps: [12:00:30, 12:02), [12:02, 12:04),
    // [12:04, 12:05:10).
    Instant from = T0.plusSeconds(30);
    Instant to = T0.plusSeconds(310);
    List<ServiceTrafficPoint> points =
        List.of(
            new ServiceTrafficPoint("checkout", from, 9, 3),
            new ServiceTrafficPoint("checkout", T0.plusSeconds(240), 7, 0));

    Sparkline sparkline = Sparkline.of(points, from, to, Duration.ofMinutes(2));

    assertThat(sparkline.steps())
        .containsExactly(
            new Sparkline.Step(from, T0.plusSeconds(120), 9, 3),
            new Sparkline.Step(T0.plusSeconds(120), T0.plusSeconds(240), 0, 0),
            new Sparkline.Step(T0.plusSeconds(240), to, 7, 0));
    assertThat(sparkline.steps().get(0).requestsPerSecond()).isEqualTo(9 / 90.0);
    assertThat(sparkline.steps().get(0).errorRatio()).isEqualTo(3 / 9.0);
    assertThat(sparkline.steps().get(2).requestsPerSecond()).isEqualTo(7 / 70.0);
    assertThat(sparkline.steps().get(1).errorRatio()).isZero();
  }
}
