package dev.meerkat.collector.receiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class IngestRateLimiterTest {

  private static final long SECOND = 1_000_000_000L;

  private final AtomicLong now = new AtomicLong(42 * SECOND);

  @Test
  void letsABurstThroughThenOneRequestPerPermitInterval() {
    // 4 requests/s: one permit every 250 ms; a burst of 3.
    IngestRateLimiter limiter = IngestRateLimiter.create(4, 3, now::get);

    assertThat(limiter.tryAcquire()).isZero();
    assertThat(limiter.tryAcquire()).isZero();
    assertThat(limiter.tryAcquire()).isZero();
    assertThat(limiter.tryAcquire()).isEqualTo(SECOND / 4);

    now.addAndGet(SECOND / 10);
    assertThat(limiter.tryAcquire()).isEqualTo(SECOND / 4 - SECOND / 10);
    now.addAndGet(SECOND / 4 - SECOND / 10);
    assertThat(limiter.tryAcquire()).isZero();
    assertThat(limiter.tryAcquire()).isEqualTo(SECOND / 4);
  }

  @Test
  void aQuietSpellRefillsNoMoreThanTheBurst() {
    IngestRateLimiter limiter = IngestRateLimiter.create(10, 2, now::get);
    limiter.tryAcquire();
    limiter.tryAcquire();

    now.addAndGet(60 * SECOND);

    assertThat(limiter.tryAcquire()).isZero();
    assertThat(limiter.tryAcquire()).isZero();
    assertThat(limiter.tryAcquire()).isEqualTo(SECOND / 10);
  }

  @Test
  void unlimitedNeverRefuses() {
    IngestRateLimiter limiter = IngestRateLimiter.unlimited();

    for (int i = 0; i < 1_000; i++) {
      assertThat(limiter.tryAcquire()).isZero();
    }
    assertThat(limiter.enabled()).isFalse();
  }

  @Test
  void refusesANegativeRateOrAnEmptyBurst() {
    assertThatThrownBy(() -> IngestRateLimiter.create(-1, 1, now::get))
        .hasMessage("rate must be >= 0 and burst >= 1, got -1 and 1");
    assertThatThrownBy(() -> IngestRateLimiter.create(5, 0, now::get))
        .hasMessage("rate must be >= 0 and burst >= 1, got 5 and 0");
  }
}
