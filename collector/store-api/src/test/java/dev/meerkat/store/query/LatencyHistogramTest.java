package dev.meerkat.store.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void bucketUpperBoundsGrowByFourthRootOfTwo() {
    assertThat(LatencyHistogram.upperBoundMillis(39)).isCloseTo(1.024, within(1e-12));
    assertThat(LatencyHistogram.upperBoundMillis(3)).isCloseTo(0.002, within(1e-12));
  }

  @Test
  void quantileIsUpperBoundOfBucketReachingTheRank() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.add(39, 98);
    histogram.add(66, 2);

    assertThat(histogram.quantileMillis(0.5)).isEqualTo(LatencyHistogram.upperBoundMillis(39));
    assertThat(histogram.quantileMillis(0.98)).isEqualTo(LatencyHistogram.upperBoundMillis(39));
    assertThat(histogram.quantileMillis(0.99)).isEqualTo(LatencyHistogram.upperBoundMillis(66));
  }

  @Test
  void weightedCountsAddUp() {
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.add(10, 0.1);
    histogram.add(10, 0.2);
    histogram.add(20, 0.7);

    assertThat(histogram.total()).isCloseTo(1.0, within(1e-12));
    assertThat(histogram.quantileMillis(0.3)).isEqualTo(LatencyHistogram.upperBoundMillis(10));
  }

  @Test
  void emptyHistogramHasNoQuantile() {
    assertThat(new LatencyHistogram().quantileMillis(0.5)).isNaN();
  }
}
