package dev.meerkat.dashboard.alerting.domain;

import java.time.Duration;
import java.util.List;

/**
 * The burn-rate alerting policy of one SLO: its conditions and its low-traffic guard.
 *
 * @param conditions checked in order; the first that holds is reported as the cause
 * @param minimumEvents the low-traffic guard: a condition only holds when its long window saw at
 *     least this many (sample-rate-weighted) events, so three failures out of five requests at
 *     night do not page anyone; 0 disables the guard
 */
public record BurnRatePolicy(List<BurnRateCondition> conditions, double minimumEvents) {

  /** Default guard: fewer than 10 requests in a long window cannot alert. */
  public static final double DEFAULT_MINIMUM_EVENTS = 10;

  public BurnRatePolicy {
    conditions = List.copyOf(conditions);
    if (conditions.isEmpty()) {
      throw new IllegalArgumentException("a burn-rate policy needs at least one condition");
    }
    if (!(minimumEvents >= 0)) {
      throw new IllegalArgumentException("minimum events must be >= 0, was " + minimumEvents);
    }
  }

  /**
   * The SRE workbook's recommendation (table 5-8): page at 2 % of the budget in 1 h (confirmed over
   * 5 m) or 5 % in 6 h (30 m); ticket at 10 % in 1 d (2 h) or 10 % in 3 d (6 h). On a 30-day SLO
   * these are burn rates 14.4, 6, 3 and 1.
   */
  public static BurnRatePolicy workbookDefault() {
    return withMinimumEvents(DEFAULT_MINIMUM_EVENTS);
  }

  /** The workbook conditions with another low-traffic guard. */
  public static BurnRatePolicy withMinimumEvents(double minimumEvents) {
    return new BurnRatePolicy(
        List.of(
            new BurnRateCondition(Severity.PAGE, Duration.ofHours(1), Duration.ofMinutes(5), 0.02),
            new BurnRateCondition(Severity.PAGE, Duration.ofHours(6), Duration.ofMinutes(30), 0.05),
            new BurnRateCondition(Severity.TICKET, Duration.ofDays(1), Duration.ofHours(2), 0.10),
            new BurnRateCondition(Severity.TICKET, Duration.ofDays(3), Duration.ofHours(6), 0.10)),
        minimumEvents);
  }
}
