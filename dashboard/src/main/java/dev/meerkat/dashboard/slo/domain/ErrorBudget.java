package dev.meerkat.dashboard.slo.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;

/**
 * The arithmetic of SLOs over event counts (budgeting by occurrences, as OpenSLO's {@code
 * Occurrences}):
 *
 * <ul>
 *   <li><b>SLI</b> = good / total. Undefined (empty) without events.
 *   <li><b>Burn rate</b> over any window = (bad / total) / (1 - objective): how many times faster
 *       than sustainable the budget is spent; at 1 the budget lasts exactly the SLO period.
 *       Undefined (empty) without events, so an idle service never divides by zero or alerts.
 *   <li><b>Error budget remaining</b> = 1 - bad / allowed, where allowed = (1 - objective) x the
 *       events of the whole period: 1 untouched, 0 spent, negative overspent, 1 without events. A
 *       rolling window has seen its whole period; a calendar month in progress has not, so its
 *       events are extrapolated to the month's length: allowed = (1 - objective) x total x
 *       monthLength / elapsed. A month's budget is thereby proportional to its length: one minute
 *       of total outage spends 1/44.64 of a 31-day 99.9 % month and 1/40.32 of a 28-day one.
 * </ul>
 */
public final class ErrorBudget {

  private ErrorBudget() {}

  public static OptionalDouble sli(EventCounts counts) {
    return counts.isEmpty()
        ? OptionalDouble.empty()
        : OptionalDouble.of(counts.good() / counts.total());
  }

  public static OptionalDouble burnRate(EventCounts counts, double objective) {
    if (counts.isEmpty()) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(counts.bad() / counts.total() / (1 - objective));
  }

  /** Remaining share of the budget of the period ending at {@code now}, given its counts. */
  public static double remaining(ServiceLevelObjective slo, EventCounts period, Instant now) {
    double allowed = allowedBadEvents(slo, period.total(), now);
    return allowed <= 0 ? 1.0 : 1.0 - period.bad() / allowed;
  }

  /** Bad events the whole period may have, from the events seen so far in it. */
  static double allowedBadEvents(ServiceLevelObjective slo, double totalSoFar, Instant now) {
    Duration length = slo.window().length(now);
    Duration elapsed = Duration.between(slo.window().start(now), now);
    if (elapsed.isZero() || elapsed.isNegative()) {
      return 0;
    }
    double extrapolation =
        elapsed.compareTo(length) >= 0 ? 1.0 : seconds(length) / seconds(elapsed);
    return slo.allowedBadRatio() * totalSoFar * extrapolation;
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }
}
