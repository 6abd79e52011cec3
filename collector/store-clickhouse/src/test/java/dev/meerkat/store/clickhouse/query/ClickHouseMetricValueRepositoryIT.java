package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.clickhouse.write.ClickHouseMetricWriter;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Means of stored metric points per service, in a time range, gauges and sums only. */
class ClickHouseMetricValueRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void meansPointsInTheRangePerService() {
    try (ClickHouseStore store = ClickHouseFixture.shared().newDatabase()) {
      ClickHouseMetricWriter.create(store)
          .write(
              List.of(
                  point(MetricType.GAUGE, "api", "queue.depth", 0, 10),
                  point(MetricType.GAUGE, "api", "queue.depth", 30, 20),
                  point(MetricType.GAUGE, "api", "queue.depth", 59, 60),
                  // At the end of the range (exclusive) and before it: not counted.
                  point(MetricType.GAUGE, "api", "queue.depth", 60, 1000),
                  point(MetricType.GAUGE, "api", "queue.depth", -1, 1000),
                  point(MetricType.SUM, "worker", "queue.depth", 10, 4),
                  point(MetricType.GAUGE, "worker", "queue.depth", 20, Double.NaN),
                  // Another metric, and a histogram of the same name: not counted.
                  point(MetricType.GAUGE, "api", "cpu", 10, 0.5),
                  point(MetricType.HISTOGRAM, "api", "queue.depth", 10, 5000)));

      ClickHouseMetricValueRepository metrics = new ClickHouseMetricValueRepository(store);

      // api: (10 + 20 + 60) / 3 = 30; worker: the one non-NaN sum point.
      assertThat(metrics.meanByService("queue.depth", T0, T0.plusSeconds(60)))
          .containsExactly(Map.entry("api", 30.0), Map.entry("worker", 4.0));
      assertThat(metrics.meanByService("queue.depth", T0.plusSeconds(120), T0.plusSeconds(180)))
          .isEmpty();
    }
  }

  private static MetricPointRecord point(
      MetricType type, String service, String name, long secondsAfterT0, double value) {
    long nanos = (T0.getEpochSecond() + secondsAfterT0) * 1_000_000_000L;
    return MetricPointRecord.builder(type, service, name)
        .time(nanos - 1_000_000_000L, nanos)
        .value(value)
        .count(type == MetricType.HISTOGRAM ? 3 : 0)
        .build();
  }
}
