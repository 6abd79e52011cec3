package dev.meerkat.dashboard.services.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.query.InstanceSpans;
import dev.meerkat.store.query.metric.MetricInstance;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ServiceInstanceTest {

  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void mergesSpansAndMetricPointsByInstanceName() {
    List<ServiceInstance> merged =
        ServiceInstance.merge(
            List.of(
                new InstanceSpans("both", 12, 10, 2, T.plusSeconds(5), T.plusSeconds(50)),
                new InstanceSpans("spans-only", 3, 0, 0, T, T.plusSeconds(9))),
            List.of(
                new MetricInstance("both", T.plusSeconds(1), T.plusSeconds(70)),
                new MetricInstance("", T.plusSeconds(2), T.plusSeconds(3))));

    assertThat(merged)
        .containsExactly(
            new ServiceInstance("", 0, 0, 0, T.plusSeconds(2), T.plusSeconds(3), true),
            // First seen from the metric points, last seen too: the earlier and the later.
            new ServiceInstance("both", 12, 10, 2, T.plusSeconds(1), T.plusSeconds(70), true),
            new ServiceInstance("spans-only", 3, 0, 0, T, T.plusSeconds(9), false));
    assertThat(merged.get(1).errorRatio()).isEqualTo(OptionalDouble.of(0.2));
    assertThat(merged.get(2).errorRatio()).isEqualTo(OptionalDouble.empty());
  }

  @Test
  void keepsTheSpansTimesWhenTheyAreWider() {
    assertThat(
            ServiceInstance.merge(
                List.of(new InstanceSpans("a", 1, 1, 0, T, T.plusSeconds(90))),
                List.of(new MetricInstance("a", T.plusSeconds(10), T.plusSeconds(20)))))
        .containsExactly(new ServiceInstance("a", 1, 1, 0, T, T.plusSeconds(90), true));
  }
}
