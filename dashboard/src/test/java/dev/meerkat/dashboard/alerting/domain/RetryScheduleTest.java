package dev.meerkat.dashboard.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

  private final RetrySchedule schedule =
      new RetrySchedule(8, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(10));

  @Test
  void doublesFromTheInitialBackoffUpToTheCap() {
    assertThat(IntStream.rangeClosed(1, 7).mapToObj(n -> schedule.delayAfter(n, Optional.empty())))
        .containsExactly(
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(20),
            Duration.ofSeconds(40),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60),
            Duration.ofSeconds(60));
  }

  @Test
  void aRequestedDelayReplacesTheBackoffUpToItsCap() {
    assertThat(schedule.delayAfter(1, Optional.of(Duration.ofSeconds(7))))
        .isEqualTo(Duration.ofSeconds(7));
    assertThat(schedule.delayAfter(1, Optional.of(Duration.ofHours(3))))
        .isEqualTo(Duration.ofMinutes(10));
    assertThat(schedule.delayAfter(4, Optional.of(Duration.ZERO))).isEqualTo(Duration.ZERO);
  }

  @Test
  void isExhaustedAfterTheLastAttempt() {
    assertThat(schedule.exhaustedAfter(7)).isFalse();
    assertThat(schedule.exhaustedAfter(8)).isTrue();
  }

  @Test
  void refusesAScheduleWithoutAttempts() {
    assertThatThrownBy(() -> new RetrySchedule(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts must be >= 1, was 0");
  }
}
