package dev.meerkat.store.clickhouse.write;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.model.ExponentialBuckets;
import dev.meerkat.store.model.MetricPointBuilder;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.model.MetricType;
import dev.meerkat.store.model.Temporality;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ClickHouseMetricWriterIT {

  private static final long TIME = 1_795_256_130_000_000_123L; // 2026-11-21T10:15:30Z + 123 ns
  private static final long START = TIME - 60_000_000_000L;
  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();

  private static final String COMMON =
      "metric_name, metric_type, toUnixTimestamp(timestamp) AS seconds, time_unix_nano,"
          + " start_time_unix_nano, description, unit, flags, scope_name, scope_version,"
          + " is_monotonic, temporality, attribute_keys, attribute_values, resource_keys,"
          + " resource_values, value, point_count,"
          // Row reads TabSeparated, whose \\N for NULL it cannot tell from the letter N.
          + " ifNull(toString(min), 'NULL') AS min, ifNull(toString(max), 'NULL') AS max";

  @Test
  void roundTripsEveryPointType() {
    try (ClickHouseStore store = clickHouse.newDatabase()) {
      MetricPointRecord gauge =
          point(MetricType.GAUGE, "a.gauge")
              .attributes(List.of("pool"), List.of("G1 Eden"))
              .value(1.5e8)
              .build();
      MetricPointRecord sum =
          point(MetricType.SUM, "b.sum")
              .aggregation(true, Temporality.DELTA)
              .flags(1)
              .value(7)
              .build();
      MetricPointRecord histogram =
          point(MetricType.HISTOGRAM, "c.histogram")
              .aggregation(false, Temporality.CUMULATIVE)
              .value(0.75)
              .count(3)
              .minMax(0.05, 0.6)
              .buckets(List.of(0.1, 0.5), List.of(1L, 1L, 1L))
              .build();
      MetricPointRecord exponential =
          point(MetricType.EXPONENTIAL_HISTOGRAM, "d.exponential")
              .aggregation(false, Temporality.DELTA)
              .value(Double.NaN)
              .count(10)
              .minMax(-3.5, Double.NaN)
              .exponential(
                  new ExponentialBuckets(-2, 4, 0.001, -3, List.of(1L, 2L), 5, List.of(3L)))
              .build();
      MetricPointRecord summary =
          point(MetricType.SUMMARY, "e.summary")
              .value(12.5)
              .count(5)
              .quantiles(List.of(0.0, 0.5, 1.0), List.of(0.5, 2.0, 6.0))
              .build();

      ClickHouseMetricWriter.create(store)
          .write(List.of(gauge, sum, histogram, exponential, summary));

      assertThat(store.query("SELECT * FROM metric_points LIMIT 1").get(0).columns())
          .containsExactlyElementsOf(
              Stream.concat(ClickHouseMetricWriter.COLUMNS.stream(), Stream.of("batch_token"))
                  .toList());
      List<Row> rows =
          store.query(
              "SELECT "
                  + COMMON
                  + ", bucket_bounds, bucket_counts, exp_scale, exp_zero_count,"
                  + " exp_zero_threshold, exp_positive_offset, exp_positive_bucket_counts,"
                  + " exp_negative_offset, exp_negative_bucket_counts, quantiles, quantile_values"
                  + " FROM metric_points ORDER BY metric_name");
      assertThat(rows).extracting(Row::toString).hasSize(5);
      for (Row row : rows) {
        assertThat(row.longValue("seconds")).isEqualTo(TIME / 1_000_000_000L);
        assertThat(row.longValue("time_unix_nano")).isEqualTo(TIME);
        assertThat(row.longValue("start_time_unix_nano")).isEqualTo(START);
        assertThat(row.string("description")).isEqualTo("what it measures");
        assertThat(row.string("unit")).isEqualTo("s");
        assertThat(row.string("scope_name")).isEqualTo("io.meerkat.test");
        assertThat(row.string("scope_version")).isEqualTo("1.2");
        assertThat(row.strings("resource_keys")).containsExactly("service.name");
        assertThat(row.strings("resource_values")).containsExactly("api");
      }
      assertThat(rows)
          .extracting(
              r ->
                  String.join(
                      "|",
                      r.string("metric_type"),
                      r.string("is_monotonic"),
                      r.string("temporality"),
                      r.string("flags"),
                      r.string("attribute_keys"),
                      r.string("attribute_values"),
                      r.string("value"),
                      r.string("point_count"),
                      r.string("min"),
                      r.string("max")))
          .containsExactly(
              "GAUGE|0|UNSPECIFIED|0|['pool']|['G1 Eden']|150000000|0|NULL|NULL",
              "SUM|1|DELTA|1|[]|[]|7|0|NULL|NULL",
              "HISTOGRAM|0|CUMULATIVE|0|[]|[]|0.75|3|0.05|0.6",
              "EXPONENTIAL_HISTOGRAM|0|DELTA|0|[]|[]|nan|10|-3.5|NULL",
              "SUMMARY|0|UNSPECIFIED|0|[]|[]|12.5|5|NULL|NULL");
      assertThat(rows)
          .extracting(
              r ->
                  String.join(
                      "|",
                      r.string("bucket_bounds"),
                      r.string("bucket_counts"),
                      r.string("exp_scale"),
                      r.string("exp_zero_count"),
                      r.string("exp_zero_threshold"),
                      r.string("exp_positive_offset"),
                      r.string("exp_positive_bucket_counts"),
                      r.string("exp_negative_offset"),
                      r.string("exp_negative_bucket_counts"),
                      r.string("quantiles"),
                      r.string("quantile_values")))
          .containsExactly(
              "[]|[]|0|0|0|0|[]|0|[]|[]|[]",
              "[]|[]|0|0|0|0|[]|0|[]|[]|[]",
              "[0.1,0.5]|[1,1,1]|0|0|0|0|[]|0|[]|[]|[]",
              "[]|[]|-2|4|0.001|-3|[1,2]|5|[3]|[]|[]",
              "[]|[]|0|0|0|0|[]|0|[]|[0,0.5,1]|[0.5,2,6]");
    }
  }

  private static MetricPointBuilder point(MetricType type, String name) {
    return MetricPointRecord.builder(type, "api", name)
        .time(START, TIME)
        .description("what it measures", "s")
        .resource(List.of("service.name"), List.of("api"))
        .scope("io.meerkat.test", "1.2");
  }
}
