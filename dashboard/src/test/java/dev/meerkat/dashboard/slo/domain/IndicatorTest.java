package dev.meerkat.dashboard.slo.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IndicatorTest {

  // Weighted counts as the rollups hold them (a span sampled 1 in 4 counts 4).
  private static final List<RollupCell> CELLS =
      List.of(
          new RollupCell("GET /a", false, 71, 10), // [2^17.75, 2^18) us = [220.4, 262.1) ms
          new RollupCell("GET /a", false, 72, 5), // [262.1, 311.7) ms: holds 300 ms
          new RollupCell("GET /a", true, 10, 2), // a fast error
          new RollupCell("GET /b", false, 80, 100)); // [1048.6, 1247.0) ms

  @Test
  void availabilityCountsErrorsAsBadForTheSelectedOperations() {
    assertThat(AvailabilityIndicator.wholeService().count(CELLS))
        .isEqualTo(new EventCounts(117, 2));
    assertThat(new AvailabilityIndicator(Set.of("GET /a")).count(CELLS))
        .isEqualTo(new EventCounts(17, 2));
  }

  @Test
  void latencyCountsTheBucketHoldingTheThresholdAsBad() {
    // 300 ms = 300000 us; 4 x log2(300000) = 72.78, so buckets up to 71 end at or below it
    // (2^(72/4) = 262144 us) and bucket 72 [262144, 311744) us straddles it: counted bad, so the
    // SLI errs low, never high.
    LatencyIndicator indicator = new LatencyIndicator(Duration.ofMillis(300), Set.of());
    assertThat(indicator.firstBadBucket()).isEqualTo(72);
    assertThat(indicator.count(CELLS)).isEqualTo(new EventCounts(117, 105));
    assertThat(new LatencyIndicator(Duration.ofMillis(300), Set.of("GET /a")).count(CELLS))
        .isEqualTo(new EventCounts(17, 5));
  }

  @Test
  void latencyThresholdOnABucketBoundIsExact() {
    // 256 us = 2^(32/4): bucket 31 ends exactly there (exclusive), so it is wholly good.
    assertThat(new LatencyIndicator(Duration.ofNanos(256_000), Set.of()).firstBadBucket())
        .isEqualTo(32);
    // 1 ns is under bucket 0's upper bound 2^(1/4) us: everything is bad.
    assertThat(new LatencyIndicator(Duration.ofNanos(1), Set.of()).firstBadBucket()).isZero();
  }

  @Test
  void keepsOperationsSortedSoExportsAreStable() {
    assertThat(
            new AvailabilityIndicator(Set.of("POST /refund", " GET /cart ", "POST /pay"))
                .operations())
        .containsExactly("GET /cart", "POST /pay", "POST /refund");
  }

  @Test
  void rejectsNonPositiveThresholdsAndBlankOperations() {
    assertThatThrownBy(() -> new LatencyIndicator(Duration.ZERO, Set.of()))
        .hasMessage("latency threshold must be greater than 0");
    assertThatThrownBy(() -> new AvailabilityIndicator(Set.of(" ")))
        .hasMessage("operations must not contain blank names");
  }
}
