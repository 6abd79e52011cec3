package dev.meerkat.dashboard.services.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One ISO week (Monday 00:00 UTC to the next Monday, the current week up to now) of a service.
 *
 * @param start the week's Monday, 00:00 UTC
 * @param requests sample-weighted requests in the week
 * @param errorRatio failed / all requests, 0 without requests
 * @param p95Millis 95th percentile latency in ms (bucket upper bound), NaN without requests
 * @param p99Millis 99th percentile latency in ms (bucket upper bound), NaN without requests
 * @param violatedSlos names of the service's SLOs whose SLI was below the objective that week
 */
public record WeekRow(
    Instant start,
    double requests,
    double errorRatio,
    double p95Millis,
    double p99Millis,
    List<String> violatedSlos) {

  public static final Duration WEEK = Duration.ofDays(7);

  public WeekRow {
    violatedSlos = List.copyOf(violatedSlos);
  }

  /** ISO week-based year and week, e.g. {@code 2026-W09}. */
  public String label() {
    LocalDate monday = start.atOffset(ZoneOffset.UTC).toLocalDate();
    return String.format(
        Locale.ROOT,
        "%d-W%02d",
        monday.get(IsoFields.WEEK_BASED_YEAR),
        monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The Mondays of the {@code count} ISO weeks up to the one holding {@code now}, newest first. */
  public static List<Instant> lastWeekStarts(Instant now, int count) {
    LocalDate monday =
        now.atOffset(ZoneOffset.UTC)
            .toLocalDate()
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<Instant> starts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      starts.add(monday.minusWeeks(i).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
    return starts;
  }
}
