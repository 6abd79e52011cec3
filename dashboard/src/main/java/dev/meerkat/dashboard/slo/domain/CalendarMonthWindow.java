package dev.meerkat.dashboard.slo.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** The calendar month (UTC) containing the evaluation time, from its first midnight to now. */
public record CalendarMonthWindow() implements SloTimeWindow {

  public static final CalendarMonthWindow INSTANCE = new CalendarMonthWindow();
  static final String LABEL = "month";

  @Override
  public Instant start(Instant now) {
    return month(now).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  @Override
  public Duration length(Instant now) {
    return Duration.ofDays(month(now).lengthOfMonth());
  }

  @Override
  public String label() {
    return LABEL;
  }

  private static YearMonth month(Instant now) {
    return YearMonth.from(now.atOffset(ZoneOffset.UTC));
  }
}
