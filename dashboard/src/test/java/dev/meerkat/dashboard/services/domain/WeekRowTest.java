package dev.meerkat.dashboard.services.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeekRowTest {

  @Test
  void weeksStartOnMondayAtMidnightUtcNewestFirst() {
    // 2026-03-01 is a Sunday; a Monday is the start of its own week.
    assertThat(WeekRow.lastWeekStarts(Instant.parse("2026-03-01T23:59:59Z"), 3))
        .containsExactly(
            Instant.parse("2026-02-23T00:00:00Z"),
            Instant.parse("2026-02-16T00:00:00Z"),
            Instant.parse("2026-02-09T00:00:00Z"));
    assertThat(WeekRow.lastWeekStarts(Instant.parse("2026-02-23T00:00:00Z"), 1))
        .containsExactly(Instant.parse("2026-02-23T00:00:00Z"));
  }

  @Test
  void labelIsTheIsoWeekBasedYearAndWeek() {
    assertThat(week("2026-02-23T00:00:00Z").label()).isEqualTo("2026-W09");
    // ISO week 1 of 2026 starts on Monday 2025-12-29 (the week holding 2026's first Thursday).
    assertThat(week("2025-12-29T00:00:00Z").label()).isEqualTo("2026-W01");
    assertThat(week("2025-12-22T00:00:00Z").label()).isEqualTo("2025-W52");
  }

  private static WeekRow week(String start) {
    return new WeekRow(Instant.parse(start), 0, 0, Double.NaN, Double.NaN, List.of());
  }
}
