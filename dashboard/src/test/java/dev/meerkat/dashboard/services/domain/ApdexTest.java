package dev.meerkat.dashboard.services.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.query.ServiceLatencyCell;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApdexTest {

  /** 8.192 ms = 2^13 µs: the upper bound of bucket 51 ([2^(51/4), 2^(52/4)) µs). */
  private static final Duration T = Duration.ofNanos(8_192_000);

  @Test
  void scoresSatisfiedUpToTAndToleratingUpTo4TByBucketUpperBound() {
    // Bucket 51 ends at T exactly: satisfied. Bucket 52 ends above T, bucket 59 ends at 2^15 µs =
    // 4T: tolerating. Bucket 60 ends above 4T: frustrated.
    List<ServiceLatencyCell> cells =
        List.of(
            cell(false, 51, 6),
            cell(false, 52, 2),
            cell(false, 59, 2),
            cell(false, 60, 1),
            cell(true, 10, 1));

    Apdex apdex = Apdex.of(cells, T);

    assertThat(apdex.satisfied()).isEqualTo(6);
    assertThat(apdex.tolerating()).isEqualTo(4);
    assertThat(apdex.total()).isEqualTo(12);
    // (6 + 4 / 2) / 12; the fast failed request is frustrated.
    assertThat(apdex.score()).isEqualTo(8.0 / 12);
  }

  @Test
  void countsSampleWeightedRequests() {
    Apdex apdex = Apdex.of(List.of(cell(false, 40, 2.5), cell(false, 55, 1.5)), T);

    assertThat(apdex.score()).isEqualTo((2.5 + 1.5 / 2) / 4);
  }

  @Test
  void hasNoScoreWithoutRequests() {
    Apdex apdex = Apdex.of(List.of(), T);

    assertThat(apdex.score()).isNaN();
    assertThat(apdex.threshold()).isEqualTo(T);
  }

  private static ServiceLatencyCell cell(boolean error, int bucket, double requests) {
    return new ServiceLatencyCell("checkout", error, bucket, requests);
  }
}
