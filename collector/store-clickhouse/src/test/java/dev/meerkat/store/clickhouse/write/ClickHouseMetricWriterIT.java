package dev.meerkat.store.clickhouse.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.model.Temporality;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClickHouseMetricWriterIT {

  private static final long TIME = 1_795_256_130_000_000_123L; // 2026-11-21T10:15:30Z + 123 ns
  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();

  @Test
  void roundTripsGaugesAndHistograms() {
    try (ClickHouseStore store = clickHouse.newDatabase()) {
      MetricPointRecord gauge =
          new MetricPointRecord(
              TIME,
              "api",
              "jvm.memory.used",
              MetricType.GAUGE,
              "By",
              false,
              Temporality.UNSPECIFIED,
              List.of("pool"),
              List.of("G1 Eden"),
              List.of("service.name"),
              List.of("api"),
              1.5e8,
              0,
              List.of(),
              List.of());
      MetricPointRecord histogram =
          new MetricPointRecord(
              TIME,
              "api",
              "http.server.request.duration",
              MetricType.HISTOGRAM,
              "s",
              false,
              Temporality.CUMULATIVE,
              List.of(),
              List.of(),
              List.of("service.name"),
              List.of("api"),
              0.75,
              3,
              List.of(0.1, 0.5),
              List.of(1L, 1L, 1L));

      ClickHouseMetricWriter.create(store).write(List.of(gauge, histogram));

      List<Row> rows = store.query("SELECT * FROM metric_points ORDER BY metric_name");
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0).columns())
          .containsExactlyElementsOf(
              Stream.concat(ClickHouseMetricWriter.COLUMNS.stream(), Stream.of("batch_token"))
                  .toList());
      Row h = rows.get(0);
      assertThat(
              store
                  .query("SELECT toUnixTimestamp(timestamp) AS s FROM metric_points LIMIT 1")
                  .get(0)
                  .longValue("s"))
          .isEqualTo(TIME / 1_000_000_000L);
      assertThat(h.longValue("time_unix_nano")).isEqualTo(TIME);
      assertThat(h.string("metric_name")).isEqualTo("http.server.request.duration");
      assertThat(h.string("metric_type")).isEqualTo("HISTOGRAM");
      assertThat(h.string("unit")).isEqualTo("s");
      assertThat(h.string("temporality")).isEqualTo("CUMULATIVE");
      assertThat(h.doubleValue("value")).isEqualTo(0.75);
      assertThat(h.longValue("point_count")).isEqualTo(3);
      assertThat(h.strings("bucket_bounds")).containsExactly("0.1", "0.5");
      assertThat(h.strings("bucket_counts")).containsExactly("1", "1", "1");
      Row g = rows.get(1);
      assertThat(g.string("metric_type")).isEqualTo("GAUGE");
      assertThat(g.longValue("is_monotonic")).isZero();
      assertThat(g.string("temporality")).isEqualTo("UNSPECIFIED");
      assertThat(g.strings("attribute_keys")).containsExactly("pool");
      assertThat(g.strings("attribute_values")).containsExactly("G1 Eden");
      assertThat(g.strings("resource_values")).containsExactly("api");
      assertThat(g.doubleValue("value")).isEqualTo(1.5e8);
      assertThat(g.strings("bucket_bounds")).isEmpty();
    }
  }
}
