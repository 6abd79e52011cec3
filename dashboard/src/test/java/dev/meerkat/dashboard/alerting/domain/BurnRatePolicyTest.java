package dev.meerkat.dashboard.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BurnRatePolicyTest {

  @Test
  void workbookDefaultGivesTheTableThresholdsForThirtyDays() {
    Duration thirtyDays = Duration.ofDays(30);
    assertThat(BurnRatePolicy.workbookDefault().conditions())
        .extracting(c -> c.threshold(thirtyDays))
        .satisfiesExactly(
            t -> assertThat(t).isCloseTo(14.4, within(1e-12)),
            t -> assertThat(t).isCloseTo(6.0, within(1e-12)),
            t -> assertThat(t).isCloseTo(3.0, within(1e-12)),
            t -> assertThat(t).isCloseTo(1.0, within(1e-12)));
    assertThat(BurnRatePolicy.workbookDefault().conditions())
        .extracting(BurnRateCondition::severity)
        .containsExactly(Severity.PAGE, Severity.PAGE, Severity.TICKET, Severity.TICKET);
  }

  @Test
  void thresholdsScaleWithThePeriodSoTheSameBudgetShareIsSpent() {
    // 7 days = 168 h: 0.02 x 168 = 3.36, 0.05 x 28 = 1.4, 0.1 x 7 = 0.7, 0.1 x 7 / 3.
    assertThat(BurnRatePolicy.workbookDefault().conditions())
        .extracting(c -> c.threshold(Duration.ofDays(7)))
        .satisfiesExactly(
            t -> assertThat(t).isCloseTo(3.36, within(1e-12)),
            t -> assertThat(t).isCloseTo(1.4, within(1e-12)),
            t -> assertThat(t).isCloseTo(0.7, within(1e-12)),
            t -> assertThat(t).isCloseTo(0.7 / 3, within(1e-12)));
  }

  @Test
  void rejectsInvalidConditionsWithClearMessages() {
    assertThatThrownBy(
            () ->
                new BurnRateCondition(
                    Severity.PAGE, Duration.ofMinutes(5), Duration.ofHours(1), 0.02))
        .hasMessage("short window must be shorter than the long window, was PT1H >= PT5M");
    assertThatThrownBy(
            () ->
                new BurnRateCondition(Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 0))
        .hasMessage("budget fraction must be in (0, 1], was 0.0");
    assertThatThrownBy(() -> new BurnRatePolicy(List.of(), 0))
        .hasMessage("a burn-rate policy needs at least one condition");
    assertThatThrownBy(() -> BurnRatePolicy.withMinimumEvents(-1))
        .hasMessage("minimum events must be >= 0, was -1.0");
  }

  @Test
  void idempotencyKeyIsStablePerIncidentSeverityAndKind() {
    BurnRateCondition condition = BurnRatePolicy.workbookDefault().conditions().getFirst();
    Instant start = java.time.Instant.parse("2026-03-01T12:00:00Z");
    BurnRateAlertEvent resolved =
        new BurnRateAlertEvent(
            "checkout",
            Severity.PAGE,
            BurnRateAlertEvent.Kind.RESOLVED,
            start.plusSeconds(600),
            start,
            condition,
            14.4,
            OptionalDouble.of(1),
            OptionalDouble.of(0),
            0.5);
    assertThat(resolved.idempotencyKey()).isEqualTo("checkout:page:1772366400:resolved");
  }
}
