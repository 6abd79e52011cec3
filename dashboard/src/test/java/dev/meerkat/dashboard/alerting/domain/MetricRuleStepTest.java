package dev.meerkat.dashboard.alerting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.alerting.domain.MetricRuleStep.Announcement;
import dev.meerkat.dashboard.alerting.domain.RuleGroupState.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The metric rule state machine, minute by minute on a synthetic series. */
class MetricRuleStepTest {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void firesExactlyWhenTheConditionHeldForTheForDurationAndResolves() {
    MetricRule rule = rule(Duration.ofMinutes(3), MetricRule.NoData.OK, Duration.ZERO);
    // Error rate 20 % from minute 2 to minute 9, else 1 %; threshold 5 %.
    List<String> log = run(rule, 12, m -> m >= 2 && m <= 9 ? value(20) : value(1));

    // Pending at 2, held 3 minutes at 5 (2 + 3): fires at 5; below at 10: resolves at 10.
    assertThat(log).containsExactly("2 PENDING NONE", "5 FIRING FIRING", "10 RESOLVED RESOLVED");
  }

  @Test
  void aBlipShorterThanTheForDurationNeverFires() {
    MetricRule rule = rule(Duration.ofMinutes(3), MetricRule.NoData.OK, Duration.ZERO);
    List<String> log = run(rule, 10, m -> m >= 2 && m <= 4 ? value(20) : value(1));
    assertThat(log).containsExactly("2 PENDING NONE", "5 OK NONE");
  }

  @Test
  void noDataFiresWhenConfiguredAndResolvesWhenDataReturns() {
    MetricRule fire = rule(Duration.ofMinutes(2), MetricRule.NoData.FIRE, Duration.ZERO);
    IntFunction<OptionalDouble> gap = m -> m >= 3 && m <= 6 ? OptionalDouble.empty() : value(1);
    assertThat(run(fire, 10, gap))
        .containsExactly("3 PENDING NONE", "5 FIRING FIRING", "7 RESOLVED RESOLVED");

    MetricRule ignore = rule(Duration.ofMinutes(2), MetricRule.NoData.OK, Duration.ZERO);
    assertThat(run(ignore, 10, gap)).isEmpty();
  }

  @Test
  void aStillFiringAlertRepeatsAfterTheRepeatInterval() {
    MetricRule rule = rule(Duration.ZERO, MetricRule.NoData.OK, Duration.ofMinutes(4));
    List<String> log = run(rule, 12, m -> m >= 1 && m <= 10 ? value(20) : value(1));
    // Fires at 1 (no for-duration), reminders at 5 and 9, resolves at 11.
    assertThat(log)
        .containsExactly(
            "1 FIRING FIRING", "5 FIRING REPEAT", "9 FIRING REPEAT", "11 RESOLVED RESOLVED");
  }

  @Test
  void belowComparesTheOtherWay() {
    MetricRule rule =
        new MetricRule(
            "r",
            "Traffic dropped",
            MetricSeries.REQUEST_RATE,
            "checkout",
            MetricRule.Comparison.BELOW,
            1,
            Duration.ofMinutes(5),
            Duration.ZERO,
            MetricRule.NoData.OK,
            Duration.ZERO,
            Map.of(),
            true);
    assertThat(run(rule, 4, m -> m == 2 ? value(0.5) : value(1)))
        .containsExactly("2 FIRING FIRING", "3 RESOLVED RESOLVED");
  }

  /**
   * Evaluates once per minute 0..minutes-1; logs every stored change as "minute state announce".
   */
  private static List<String> run(
      MetricRule rule, int minutes, IntFunction<OptionalDouble> valueAtMinute) {
    List<String> log = new ArrayList<>();
    RuleGroupState state = RuleGroupState.initial(rule.id(), "checkout");
    for (int m = 0; m < minutes; m++) {
      Instant now = T0.plus(Duration.ofMinutes(m));
      MetricRuleStep step = MetricRuleStep.evaluate(rule, state, valueAtMinute.apply(m), now);
      if (step.changed()) {
        log.add(m + " " + step.next().state() + " " + step.announce());
        assertThat(step.next().version()).isEqualTo(state.version() + 1);
        if (step.announce() == Announcement.FIRING) {
          assertThat(step.next().incidentStart()).isEqualTo(now);
        }
        if (step.next().state() == Phase.RESOLVED) {
          assertThat(step.next().incidentStart()).isEqualTo(state.incidentStart());
        }
        state = step.next();
      }
    }
    return log;
  }

  private static MetricRule rule(Duration hold, MetricRule.NoData noData, Duration repeat) {
    return new MetricRule(
        "r",
        "Checkout errors",
        MetricSeries.ERROR_RATE,
        "checkout",
        MetricRule.Comparison.ABOVE,
        5,
        Duration.ofMinutes(5),
        hold,
        noData,
        repeat,
        Map.of("severity", "page"),
        true);
  }

  private static OptionalDouble value(double v) {
    return OptionalDouble.of(v);
  }
}
