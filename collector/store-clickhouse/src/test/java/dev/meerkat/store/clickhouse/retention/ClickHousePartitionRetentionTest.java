package dev.meerkat.store.clickhouse.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClickHousePartitionRetentionTest {

  private static final Instant CUTOFF = Instant.parse("2026-03-07T12:00:00Z");

  @Test
  void dropsADayOnlyWhenAllOfItIsOlderThanTheCutoff() {
    assertThat(ClickHousePartitionRetention.isExpired("20260306", ZoneOffset.UTC, CUTOFF)).isTrue();
    assertThat(ClickHousePartitionRetention.isExpired("20260307", ZoneOffset.UTC, CUTOFF))
        .isFalse();
    assertThat(
            ClickHousePartitionRetention.isExpired(
                "20260306", ZoneOffset.UTC, Instant.parse("2026-03-07T00:00:00Z")))
        .isTrue();
    // In Tokyo (UTC+9) the 7th ended at 15:00 UTC, after the cutoff.
    assertThat(ClickHousePartitionRetention.isExpired("20260307", ZoneId.of("Asia/Tokyo"), CUTOFF))
        .isFalse();
    assertThat(ClickHousePartitionRetention.isExpired("20260306", ZoneId.of("Asia/Tokyo"), CUTOFF))
        .isTrue();
  }

  @Test
  void dropsAMonthWhenItEndedAndLeavesOtherPartitionIdsAlone() {
    assertThat(ClickHousePartitionRetention.isExpired("202602", ZoneOffset.UTC, CUTOFF)).isTrue();
    assertThat(ClickHousePartitionRetention.isExpired("202603", ZoneOffset.UTC, CUTOFF)).isFalse();
    assertThat(ClickHousePartitionRetention.isExpired("all", ZoneOffset.UTC, CUTOFF)).isFalse();
    assertThat(ClickHousePartitionRetention.isExpired("20261399", ZoneOffset.UTC, CUTOFF))
        .isFalse();
  }

  @Test
  void refusesNegativeDaysAndNamesTheKey() {
    assertThatThrownBy(() -> new RetentionSettings(7, -1, 7, 90))
        .hasMessage("MEERKAT_RETENTION_METRICS_DAYS must be 0 (keep forever) or more, got -1");
  }
}
