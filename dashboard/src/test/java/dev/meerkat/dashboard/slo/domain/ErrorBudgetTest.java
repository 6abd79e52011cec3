package dev.meerkat.dashboard.slo.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ErrorBudgetTest {

  private static final Instant NOW = Instant.parse("2026-02-15T00:00:00Z");

  @Test
  void burnRateIsTheBadRatioOverTheAllowedRatioAndEmptyWithoutEvents() {
    assertThat(ErrorBudget.burnRate(new EventCounts(1000, 5), 0.999).getAsDouble())
        .isCloseTo(5.0, within(1e-9));
    assertThat(ErrorBudget.burnRate(EventCounts.NONE, 0.999)).isEmpty();
    assertThat(ErrorBudget.sli(EventCounts.NONE)).isEmpty();
    assertThat(ErrorBudget.sli(new EventCounts(1000, 5)).getAsDouble())
        .isCloseTo(0.995, within(1e-12));
  }

  @Test
  void rollingBudgetIsTheAllowedShareOfThePeriodsEvents() {
    // 0.1 % of 1000 events = 1 allowed; 0.5 spent: half left. Overspent goes negative.
    ServiceLevelObjective slo = slo(RollingWindow.DAYS_30);
    assertThat(ErrorBudget.remaining(slo, new EventCounts(1000, 0.5), NOW))
        .isCloseTo(0.5, within(1e-9));
    assertThat(ErrorBudget.remaining(slo, new EventCounts(1000, 3), NOW))
        .isCloseTo(-2.0, within(1e-9));
    assertThat(ErrorBudget.remaining(slo, EventCounts.NONE, NOW)).isEqualTo(1.0);
  }

  @Test
  void calendarMonthBudgetIsProportionalToTheMonthsLength() {
    // Halfway through February (14 of 28 days) with 14000 events: the month will see 28000, so
    // 28 may be bad; 7 bad leave 75 %.
    ServiceLevelObjective slo = slo(CalendarMonthWindow.INSTANCE);
    assertThat(ErrorBudget.remaining(slo, new EventCounts(14_000, 7), NOW))
        .isCloseTo(0.75, within(1e-9));
  }

  @Test
  void calendarMonthStartsAtTheFirstMidnightUtcAndLastsTheMonth() {
    CalendarMonthWindow month = CalendarMonthWindow.INSTANCE;
    assertThat(month.start(Instant.parse("2026-02-15T10:00:00Z")))
        .isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
    assertThat(month.length(Instant.parse("2026-02-15T10:00:00Z"))).isEqualTo(Duration.ofDays(28));
    assertThat(month.length(Instant.parse("2028-02-29T23:59:59Z"))).isEqualTo(Duration.ofDays(29));
    assertThat(month.length(Instant.parse("2026-03-01T00:00:00Z"))).isEqualTo(Duration.ofDays(31));
    assertThat(RollingWindow.DAYS_7.start(NOW)).isEqualTo(Instant.parse("2026-02-08T00:00:00Z"));
  }

  @Test
  void burnDownFallsFromFullToTheCurrentRemainder() {
    // 3 steps of 1000 events: 3 bad allowed in the period; 0.6 then 0.9 then nothing spent.
    ServiceLevelObjective slo = slo(RollingWindow.DAYS_30);
    Instant start = NOW.minus(Duration.ofDays(30));
    List<BurnDown.Step> steps =
        List.of(
            new BurnDown.Step(start, start.plus(Duration.ofDays(10)), new EventCounts(1000, 0.6)),
            new BurnDown.Step(
                start.plus(Duration.ofDays(10)),
                start.plus(Duration.ofDays(20)),
                new EventCounts(1000, 0.9)),
            new BurnDown.Step(start.plus(Duration.ofDays(20)), NOW, new EventCounts(1000, 0)));

    List<BurnDown.Point> points = BurnDown.compute(slo, steps, NOW);

    assertThat(points)
        .extracting(BurnDown.Point::at)
        .containsExactly(
            start, start.plus(Duration.ofDays(10)), start.plus(Duration.ofDays(20)), NOW);
    assertThat(points)
        .extracting(BurnDown.Point::remaining)
        .satisfiesExactly(
            r -> assertThat(r).isEqualTo(1.0),
            r -> assertThat(r).isCloseTo(0.8, within(1e-9)),
            r -> assertThat(r).isCloseTo(0.5, within(1e-9)),
            r -> assertThat(r).isCloseTo(0.5, within(1e-9)));
    assertThat(points.getLast().remaining())
        .isCloseTo(ErrorBudget.remaining(slo, new EventCounts(3000, 1.5), NOW), within(1e-12));
  }

  @Test
  void readingHasSliBudgetAndEveryBurnWindow() {
    ServiceLevelObjective slo = slo(RollingWindow.DAYS_30);
    // 2 bad per 1000 in the last hour and shorter windows, 1 per 1000 in longer ones.
    EventCountSource source =
        (s, from, to) ->
            Duration.between(from, to).compareTo(Duration.ofHours(1)) <= 0
                ? new EventCounts(1000, 2)
                : new EventCounts(1000, 1);

    SloReading reading = SloReading.read(slo, source, NOW);

    assertThat(reading.sli().getAsDouble()).isCloseTo(0.999, within(1e-12));
    assertThat(reading.errorBudgetRemaining()).isCloseTo(0.0, within(1e-9));
    assertThat(reading.burnRates()).hasSize(7);
    assertThat(reading.burnRates().get(BurnWindow.FIVE_MINUTES).getAsDouble())
        .isCloseTo(2.0, within(1e-9));
    assertThat(reading.burnRates().get(BurnWindow.THREE_DAYS).getAsDouble())
        .isCloseTo(1.0, within(1e-9));
    assertThat(SloReading.read(slo, (s, f, t) -> EventCounts.NONE, NOW).burnRates().values())
        .containsOnly(OptionalDouble.empty());
  }

  private static ServiceLevelObjective slo(SloTimeWindow window) {
    return new ServiceLevelObjective(
        "api", "API", "api", AvailabilityIndicator.wholeService(), 0.999, window);
  }
}
