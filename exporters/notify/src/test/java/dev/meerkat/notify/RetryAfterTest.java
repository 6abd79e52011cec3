package dev.meerkat.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

  private final RetryAfter retryAfter =
      new RetryAfter(Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC));

  @Test
  void readsDeltaSeconds() {
    assertThat(retryAfter.parse(" 7 ")).contains(Duration.ofSeconds(7));
  }

  @Test
  void readsHttpDateRelativeToClock() {
    assertThat(retryAfter.parse("Sun, 01 Mar 2026 12:00:30 GMT")).contains(Duration.ofSeconds(30));
  }

  @Test
  void ignoresGarbageAndNegativeValues() {
    assertThat(retryAfter.parse("soon")).isEmpty();
    assertThat(retryAfter.parse("-3")).isEmpty();
    assertThat(retryAfter.parse(null)).isEmpty();
  }

  @Test
  void backoffDoublesUpToTheCap() {
    RetryPolicy policy =
        new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(3), Duration.ofSeconds(60));
    assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMillis(500));
    assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofSeconds(2));
    assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofSeconds(3));
  }
}
