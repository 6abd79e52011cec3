package dev.meerkat.dashboard.alerting.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * One evaluation of one rule group: the next state and what to announce.
 *
 * @param next the state to store ({@code changed} false: nothing to store)
 * @param announce FIRING, RESOLVED, REPEAT or NONE
 * @param value the reading, empty when there was no data
 */
public record MetricRuleStep(
    RuleGroupState next, boolean changed, Announcement announce, OptionalDouble value) {

  public enum Announcement {
    NONE,
    FIRING,
    /** Still firing after the repeat interval: notified again (not a new history event). */
    REPEAT,
    RESOLVED
  }

  /**
   * The state machine: OK/RESOLVED -> PENDING when the condition starts holding (straight to FIRING
   * with no for-duration); PENDING -> FIRING once it has held for the for-duration at an
   * evaluation, PENDING -> OK when it stops holding first (never announced); FIRING -> RESOLVED
   * when it stops holding; FIRING stays FIRING and repeats after the repeat interval.
   */
  public static MetricRuleStep evaluate(
      MetricRule rule, RuleGroupState current, OptionalDouble value, Instant now) {
    boolean breaching = rule.breaches(value);
    Duration hold = rule.forDuration();
    RuleGroupState.Phase phase = current.state();
    if (breaching) {
      switch (phase) {
        case OK, RESOLVED -> {
          if (hold.isZero()) {
            return fire(current, now, now, value);
          }
          return new MetricRuleStep(
              current.next(RuleGroupState.Phase.PENDING, now, null, null),
              true,
              Announcement.NONE,
              value);
        }
        case PENDING -> {
          if (!now.isBefore(current.pendingSince().plus(hold))) {
            return fire(current, current.pendingSince(), now, value);
          }
          return unchanged(current, value);
        }
        case FIRING -> {
          Duration repeat = rule.repeatInterval();
          if (!repeat.isZero() && !now.isBefore(current.lastNotified().plus(repeat))) {
            return new MetricRuleStep(
                current.next(
                    RuleGroupState.Phase.FIRING,
                    current.pendingSince(),
                    current.incidentStart(),
                    now),
                true,
                Announcement.REPEAT,
                value);
          }
          return unchanged(current, value);
        }
      }
    }
    return switch (phase) {
      case PENDING ->
          new MetricRuleStep(
              current.next(RuleGroupState.Phase.OK, null, null, null),
              true,
              Announcement.NONE,
              value);
      case FIRING ->
          new MetricRuleStep(
              current.next(
                  RuleGroupState.Phase.RESOLVED,
                  null,
                  current.incidentStart(),
                  current.lastNotified()),
              true,
              Announcement.RESOLVED,
              value);
      case OK, RESOLVED -> unchanged(current, value);
    };
  }

  private static MetricRuleStep fire(
      RuleGroupState current, Instant pendingSince, Instant now, OptionalDouble value) {
    return new MetricRuleStep(
        current.next(RuleGroupState.Phase.FIRING, pendingSince, now, now),
        true,
        Announcement.FIRING,
        value);
  }

  private static MetricRuleStep unchanged(RuleGroupState current, OptionalDouble value) {
    return new MetricRuleStep(current, false, Announcement.NONE, value);
  }
}
