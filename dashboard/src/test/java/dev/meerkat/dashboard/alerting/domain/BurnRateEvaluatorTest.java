package dev.meerkat.dashboard.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.meerkat.dashboard.alerting.domain.BurnRateAlertEvent.Kind;
import dev.meerkat.dashboard.slo.domain.AvailabilityIndicator;
import dev.meerkat.dashboard.slo.domain.CalendarMonthWindow;
import dev.meerkat.dashboard.slo.domain.RollingWindow;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import dev.meerkat.dashboard.slo.domain.SloTimeWindow;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The workbook's multi-window, multi-burn-rate policy on a 99.9 % SLO (allowed bad ratio 0.001),
 * driven once per second (or minute) on an injected clock over synthetic traffic of 10 requests per
 * second that has been flowing for 40 days. Every expected time is derived in the test from burn
 * rate = bad ratio / 0.001: a full outage that started t seconds ago gives a window of w seconds
 * the burn rate t / w / 0.001 (while t < w).
 */
class BurnRateEvaluatorTest {

  private static final Instant T = Instant.parse("2026-03-10T12:00:00Z");
  private static final double RATE = 10;
  private static final Duration SECOND = Duration.ofSeconds(1);
  private static final BurnRatePolicy POLICY = BurnRatePolicy.workbookDefault();

  @Test
  void fullOutagePagesWhenTheOneHourBurnRatePasses14_4() {
    // 1 h: t / 3600 / 0.001 > 14.4 <=> t > 51.84 s; 5 m: t / 300 / 0.001 > 14.4 <=> t > 4.32 s.
    // The first 1-second step after 51.84 s is 52 s. The 6 h / 30 m pair would need t > 129.6 s.
    SyntheticTraffic traffic = cleanUntil(T).add(T, Duration.ofHours(2), RATE, 1.0);

    EvaluationRun run =
        run(slo(RollingWindow.DAYS_30), POLICY, traffic).until(T.plusSeconds(600), SECOND);

    BurnRateAlertEvent page = run.events().getFirst();
    assertThat(run.events()).hasSize(1);
    assertThat(page.severity()).isEqualTo(Severity.PAGE);
    assertThat(page.kind()).isEqualTo(Kind.FIRING);
    assertThat(page.at()).isEqualTo(T.plusSeconds(52));
    assertThat(page.incidentStart()).isEqualTo(T.plusSeconds(52));
    assertThat(page.condition()).isEqualTo(POLICY.conditions().get(0));
    assertThat(page.threshold()).isCloseTo(14.4, within(1e-12));
    assertThat(page.longBurnRate().getAsDouble()).isCloseTo(52 / 3.6, within(1e-9));
    assertThat(page.shortBurnRate().getAsDouble()).isCloseTo(52 / 0.3, within(1e-9));
    // 52 bad seconds of a 30-day period allowed 0.1 % bad: 52 / 2592 of the budget is spent
    // (the workbook's 2 % at the exact crossing, 51.84 s).
    assertThat(page.errorBudgetRemaining()).isCloseTo(1 - 52 / 2592.0, within(1e-12));
  }

  @Test
  void shortSpikeOnlyTheFiveMinuteWindowSeesDoesNotPage() {
    // 45 s of 100 % errors: 5 m burn rate peaks at 45 / 300 / 0.001 = 150 > 14.4, but the 1 h
    // burn rate never passes 45 / 3600 / 0.001 = 12.5 < 14.4. The other pairs stay lower still:
    // 6 h 2.08 < 6, 1 d 0.52 < 3, 3 d 0.17 < 1.
    SyntheticTraffic traffic =
        cleanUntil(T)
            .add(T, Duration.ofSeconds(45), RATE, 1.0)
            .add(T.plusSeconds(45), Duration.ofDays(4), RATE, 0);

    EvaluationRun run =
        run(slo(RollingWindow.DAYS_30), POLICY, traffic).until(T.plus(Duration.ofHours(2)), SECOND);

    assertThat(run.events()).isEmpty();
    assertThat(run.state()).isEqualTo(SloAlertState.none());
  }

  @Test
  void windowWithoutTrafficNeitherFiresNorDividesByZero() {
    MutableClock clock = new MutableClock(T);
    BurnRateEvaluation evaluation =
        new BurnRateEvaluator(clock)
            .evaluate(
                POLICY, slo(RollingWindow.DAYS_30), new SyntheticTraffic(), SloAlertState.none());

    assertThat(evaluation.events()).isEmpty();
    assertThat(evaluation.conditions())
        .extracting(
            ConditionResult::longBurnRate, ConditionResult::shortBurnRate, ConditionResult::holds)
        .containsOnly(tuple(OptionalDouble.empty(), OptionalDouble.empty(), false));
  }

  @Test
  void alertResolvesOnceItsShortWindowHoldsNoEventsWhenTrafficStops() {
    // A full outage from T, then no traffic at all from 100 s. The page fires at 52 s. The 5 m
    // window then holds only outage events (burn rate 1000) until it is empty at 400 s: no burn
    // rate, the pair stops holding, the page resolves. The other pairs never hold: 6 h burn rate
    // at most 100 / (21600 - t + 100) / 0.001 < 6 for t < 1900 (after which the 30 m window is
    // empty); 1 d about 1.2 < 3; 3 d about 0.4 < 1.
    SyntheticTraffic traffic = cleanUntil(T).add(T, Duration.ofSeconds(100), RATE, 1.0);

    EvaluationRun run =
        run(slo(RollingWindow.DAYS_30), POLICY, traffic).until(T.plusSeconds(3600), SECOND);

    assertThat(run.events())
        .extracting(BurnRateAlertEvent::severity, BurnRateAlertEvent::kind, BurnRateAlertEvent::at)
        .containsExactly(
            tuple(Severity.PAGE, Kind.FIRING, T.plusSeconds(52)),
            tuple(Severity.PAGE, Kind.RESOLVED, T.plusSeconds(400)));
  }

  @Test
  void lowTrafficGuardKeepsShortWindowsWithFewEventsFromAlerting() {
    // 0.01 requests/s: 36 events per hour, 216 per 6 h, 864 per day, 2592 per 3 days.
    SyntheticTraffic traffic =
        new SyntheticTraffic()
            .add(T.minus(Duration.ofDays(40)), T, 0.01, 0)
            .add(T, Duration.ofHours(2), 0.01, 1.0);
    ServiceLevelObjective slo = slo(RollingWindow.DAYS_30);

    // Without a guard the 1 h / 5 m pair pages at 52 s as with heavy traffic.
    assertThat(
            run(slo, BurnRatePolicy.withMinimumEvents(0), traffic)
                .until(T.plusSeconds(600), SECOND)
                .events())
        .extracting(BurnRateAlertEvent::severity, BurnRateAlertEvent::at)
        .containsExactly(tuple(Severity.PAGE, T.plusSeconds(52)));

    // Guard 100: 1 h (36) may not alert, 6 h (216) may: 6 h burn rate t / 21600 / 0.001 > 6 <=>
    // t > 129.6 s (30 m: t > 10.8 s), so the page comes at 130 s from the 6 h / 30 m pair.
    BurnRatePolicy guard100 = BurnRatePolicy.withMinimumEvents(100);
    assertThat(run(slo, guard100, traffic).until(T.plusSeconds(600), SECOND).events())
        .extracting(
            BurnRateAlertEvent::severity, BurnRateAlertEvent::at, BurnRateAlertEvent::condition)
        .containsExactly(tuple(Severity.PAGE, T.plusSeconds(130), guard100.conditions().get(1)));

    // Guard 1000: only the 3 d window (2592) may alert: a ticket when t / 259200 / 0.001 > 1 <=>
    // t > 259.2 s (6 h: t > 21.6 s), at 260 s, and no page at all.
    BurnRatePolicy guard1000 = BurnRatePolicy.withMinimumEvents(1000);
    assertThat(run(slo, guard1000, traffic).until(T.plus(Duration.ofHours(1)), SECOND).events())
        .extracting(
            BurnRateAlertEvent::severity, BurnRateAlertEvent::at, BurnRateAlertEvent::condition)
        .containsExactly(tuple(Severity.TICKET, T.plusSeconds(260), guard1000.conditions().get(3)));
  }

  @Test
  void pageResolvesAtTheExactStepItsLastConditionStopsHolding() {
    // 10 minutes (600 s) of full outage, then clean.
    // Page fires at 52 s (see above). After recovery:
    //  1 h / 5 m: 5 m burn rate (900 - t) / 0.3 > 14.4 <=> t < 895.68 s;
    //  6 h / 30 m: 6 h = 600 / 21.6 = 27.8 > 6, 30 m = (2400 - t) / 1.8 > 6 <=> t < 2389.2 s.
    // So the page resolves at 2390 s. Then the ticket is no longer suppressed and its condition
    // holds (1 d: 600 / 86.4 = 6.9 > 3, 2 h: 600 / 7.2 = 83 > 3): it fires at the same step.
    // Ticket: 1 d / 2 h holds while 2 h = (7800 - t) / 7.2 > 3 <=> t < 7778.4 s; 3 d / 6 h holds
    // while 3 d = 600 / 259.2 = 2.3 > 1 and 6 h = (22200 - t) / 21.6 > 1 <=> t < 22178.4 s. So the
    // ticket resolves at 22179 s.
    SyntheticTraffic traffic =
        cleanUntil(T)
            .add(T, Duration.ofSeconds(600), RATE, 1.0)
            .add(T.plusSeconds(600), Duration.ofDays(4), RATE, 0);

    EvaluationRun run =
        run(slo(RollingWindow.DAYS_30), POLICY, traffic).until(T.plusSeconds(23_000), SECOND);

    assertThat(run.events())
        .extracting(
            BurnRateAlertEvent::severity,
            BurnRateAlertEvent::kind,
            BurnRateAlertEvent::at,
            BurnRateAlertEvent::incidentStart)
        .containsExactly(
            tuple(Severity.PAGE, Kind.FIRING, T.plusSeconds(52), T.plusSeconds(52)),
            tuple(Severity.PAGE, Kind.RESOLVED, T.plusSeconds(2390), T.plusSeconds(52)),
            tuple(Severity.TICKET, Kind.FIRING, T.plusSeconds(2390), T.plusSeconds(2390)),
            tuple(Severity.TICKET, Kind.RESOLVED, T.plusSeconds(22_179), T.plusSeconds(2390)));
    assertThat(run.events().get(2).condition()).isEqualTo(POLICY.conditions().get(2));
    assertThat(run.state()).isEqualTo(SloAlertState.none());
    // 600 bad seconds of a 30-day, 0.1 % budget: 600 / 2592 = 23.1 % spent at resolution.
    assertThat(run.events().get(1).errorBudgetRemaining())
        .isCloseTo(1 - 600 / 2592.0, within(1e-12));
  }

  @Test
  void slowBurnOpensATicketAtTheComputedTimeAndNeverPages() {
    // 0.5 % errors on 99.9 %: burn rate 5 in every window once it is full; a window of w seconds
    // t seconds after the start sees 5 t / w. Page pairs need > 14.4 and > 6: never. Ticket
    // 1 d / 2 h: 5 t / 86400 > 3 <=> t > 51840 s (2 h: t > 4320 s); 3 d / 6 h crosses at the same
    // 51840 s. The burn starts 30 s after a minute and the evaluator runs every minute, so the
    // crossing (51840.0 s) lies between steps: the ticket fires at 51870 s.
    Instant grid = Instant.parse("2026-03-10T00:00:00Z");
    Instant start = grid.plusSeconds(30);
    SyntheticTraffic traffic = cleanUntil(start).add(start, Duration.ofDays(4), RATE, 0.005);

    EvaluationRun run =
        run(slo(RollingWindow.DAYS_30), POLICY, traffic, grid)
            .until(start.plus(Duration.ofDays(3)), Duration.ofMinutes(1));

    assertThat(run.events())
        .extracting(
            BurnRateAlertEvent::severity,
            BurnRateAlertEvent::kind,
            BurnRateAlertEvent::at,
            BurnRateAlertEvent::condition)
        .containsExactly(
            tuple(
                Severity.TICKET,
                Kind.FIRING,
                start.plusSeconds(51_870),
                POLICY.conditions().get(2)));
    assertThat(run.state().isFiring(Severity.TICKET)).isTrue();
    assertThat(run.state().isFiring(Severity.PAGE)).isFalse();
  }

  @Test
  void firingPageSuppressesTheTicketWhoseConditionAlsoHolds() {
    // A full outage for one hour: the ticket's 1 d / 2 h condition holds from t > 259.2 s
    // (1 d: t / 86.4 > 3; 2 h: t / 7.2 > 3), while the page has fired at 52 s.
    SyntheticTraffic traffic = cleanUntil(T).add(T, Duration.ofHours(2), RATE, 1.0);
    MutableClock clock = new MutableClock(T);
    BurnRateEvaluator evaluator = new BurnRateEvaluator(clock);
    ServiceLevelObjective slo = slo(RollingWindow.DAYS_30);
    SloAlertState state = SloAlertState.none();
    BurnRateEvaluation last = null;
    int tickets = 0;
    for (int second = 0; second <= 3600; second++) {
      clock.set(T.plusSeconds(second));
      last = evaluator.evaluate(POLICY, slo, traffic, state);
      state = last.state();
      tickets += (int) last.events().stream().filter(e -> e.severity() == Severity.TICKET).count();
    }

    assertThat(tickets).isZero();
    assertThat(last.conditions().get(2).holds()).isTrue();
    assertThat(state.firing().keySet()).containsExactly(Severity.PAGE);
  }

  @Test
  void ticketAlreadyFiringKeepsFiringQuietlyWhenAPageStarts() {
    // Slow burn (burn rate 5) opens the ticket at 51870 s as above; then a full outage pages.
    // The page adds one event; the open ticket neither resolves nor fires again.
    Instant grid = Instant.parse("2026-03-10T00:00:00Z");
    Instant start = grid.plusSeconds(30);
    Instant outage = start.plus(Duration.ofDays(1));
    SyntheticTraffic traffic =
        cleanUntil(start)
            .add(start, outage, RATE, 0.005)
            .add(outage, Duration.ofHours(2), RATE, 1.0);

    EvaluationRun run =
        run(slo(RollingWindow.DAYS_30), POLICY, traffic, grid)
            .until(outage.plus(Duration.ofMinutes(30)), Duration.ofMinutes(1));

    assertThat(run.events())
        .extracting(BurnRateAlertEvent::severity, BurnRateAlertEvent::kind)
        .containsExactly(tuple(Severity.TICKET, Kind.FIRING), tuple(Severity.PAGE, Kind.FIRING));
    assertThat(run.state().firing().keySet())
        .containsExactlyInAnyOrder(Severity.PAGE, Severity.TICKET);
  }

  @Test
  void sevenDaySloUsesThresholdsScaledToItsPeriod() {
    // 2 % of a 7-day budget in 1 h: 0.02 x 168 h / 1 h = 3.36. A full outage passes it on the 1 h
    // window when t / 3.6 > 3.36 <=> t > 12.096 s (5 m: t > 1.008 s): at 13 s.
    SyntheticTraffic traffic = cleanUntil(T).add(T, Duration.ofHours(2), RATE, 1.0);

    BurnRateAlertEvent page =
        run(slo(RollingWindow.DAYS_7), POLICY, traffic)
            .until(T.plusSeconds(60), SECOND)
            .events()
            .getFirst();

    assertThat(page.at()).isEqualTo(T.plusSeconds(13));
    assertThat(page.threshold()).isCloseTo(3.36, within(1e-12));
    // 13 bad seconds of a 7-day period at 0.1 %: 13 / 604.8 of the budget.
    assertThat(page.errorBudgetRemaining()).isCloseTo(1 - 13 / 604.8, within(1e-12));
  }

  @Test
  void calendarMonthSloScalesThresholdsWithTheMonthsLength() {
    // February 2026 has 28 days: 0.02 x 672 = 13.44, t / 3.6 > 13.44 <=> t > 48.384 s: 49 s.
    // March has 31: 0.02 x 744 = 14.88, t > 53.568 s: 54 s.
    Instant february = Instant.parse("2026-02-10T12:00:00Z");
    Instant march = Instant.parse("2026-03-10T12:00:00Z");
    ServiceLevelObjective monthly = slo(CalendarMonthWindow.INSTANCE);

    BurnRateAlertEvent inFebruary =
        run(
                monthly,
                POLICY,
                cleanUntil(february).add(february, Duration.ofHours(2), RATE, 1.0),
                february)
            .until(february.plusSeconds(120), SECOND)
            .events()
            .getFirst();
    BurnRateAlertEvent inMarch =
        run(monthly, POLICY, cleanUntil(march).add(march, Duration.ofHours(2), RATE, 1.0), march)
            .until(march.plusSeconds(120), SECOND)
            .events()
            .getFirst();

    assertThat(inFebruary.at()).isEqualTo(february.plusSeconds(49));
    assertThat(inFebruary.threshold()).isCloseTo(13.44, within(1e-12));
    assertThat(inMarch.at()).isEqualTo(march.plusSeconds(54));
    assertThat(inMarch.threshold()).isCloseTo(14.88, within(1e-12));
    // The month's budget is proportional to its length: 49 bad seconds of 28 days at 0.1 %.
    assertThat(inFebruary.errorBudgetRemaining()).isCloseTo(1 - 49 / 2419.2, within(1e-9));
  }

  private static ServiceLevelObjective slo(SloTimeWindow window) {
    return new ServiceLevelObjective(
        "checkout-availability",
        "Checkout availability",
        "checkout",
        AvailabilityIndicator.wholeService(),
        0.999,
        window);
  }

  /** 40 days of clean traffic, so every window up to 30 days is full. */
  private static SyntheticTraffic cleanUntil(Instant end) {
    return new SyntheticTraffic().add(end.minus(Duration.ofDays(40)), end, RATE, 0);
  }

  private static EvaluationRun run(
      ServiceLevelObjective slo, BurnRatePolicy policy, SyntheticTraffic traffic) {
    return run(slo, policy, traffic, T);
  }

  private static EvaluationRun run(
      ServiceLevelObjective slo, BurnRatePolicy policy, SyntheticTraffic traffic, Instant start) {
    return new EvaluationRun(start, policy, slo, traffic);
  }
}
