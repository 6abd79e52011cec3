package dev.meerkat.dashboard.alerting.domain;

import dev.meerkat.dashboard.slo.domain.ErrorBudget;
import dev.meerkat.dashboard.slo.domain.EventCountSource;
import dev.meerkat.dashboard.slo.domain.EventCounts;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Multi-window, multi-burn-rate alerting (SRE workbook ch. 5) as a pure function of the policy, the
 * SLO, its event counts, the previous state and the clock's {@code now}.
 *
 * <p>Per severity the state machine is OK -> FIRING (some condition of that severity holds) -> OK
 * again with a RESOLVED event (none holds any more). A slower severity is suppressed while a more
 * urgent one fires for the same SLO: a ticket does not start firing while a page fires, so a fast
 * burn sends one page instead of a page and a ticket. A ticket that was already firing when the
 * page started keeps firing quietly; a ticket still warranted when the page resolves fires then.
 * Windows without events have no burn rate, so they never hold, never divide by zero, and resolve
 * an alert that was firing.
 */
public final class BurnRateEvaluator {

  private final Clock clock;

  public BurnRateEvaluator(Clock clock) {
    this.clock = clock;
  }

  public BurnRateEvaluation evaluate(
      BurnRatePolicy policy,
      ServiceLevelObjective slo,
      EventCountSource source,
      SloAlertState previous) {
    Instant now = clock.instant();
    Map<Duration, EventCounts> counts = new HashMap<>();
    Duration period = slo.window().length(now);
    List<ConditionResult> results = new ArrayList<>();
    for (BurnRateCondition condition : policy.conditions()) {
      EventCounts longCounts = countOver(counts, source, slo, condition.longWindow(), now);
      EventCounts shortCounts = countOver(counts, source, slo, condition.shortWindow(), now);
      results.add(
          evaluate(condition, condition.threshold(period), longCounts, shortCounts, slo, policy));
    }
    EventCounts periodCounts = source.count(slo, slo.window().start(now), now);
    double budgetRemaining = ErrorBudget.remaining(slo, periodCounts, now);
    return transitions(slo, previous, results, now, budgetRemaining);
  }

  private static ConditionResult evaluate(
      BurnRateCondition condition,
      double threshold,
      EventCounts longCounts,
      EventCounts shortCounts,
      ServiceLevelObjective slo,
      BurnRatePolicy policy) {
    OptionalDouble longRate = ErrorBudget.burnRate(longCounts, slo.objective());
    OptionalDouble shortRate = ErrorBudget.burnRate(shortCounts, slo.objective());
    boolean enoughTraffic = longCounts.total() > 0 && longCounts.total() >= policy.minimumEvents();
    boolean holds = enoughTraffic && exceeds(longRate, threshold) && exceeds(shortRate, threshold);
    return new ConditionResult(
        condition, threshold, longCounts.total(), longRate, shortRate, enoughTraffic, holds);
  }

  private static boolean exceeds(OptionalDouble burnRate, double threshold) {
    return burnRate.isPresent() && burnRate.getAsDouble() > threshold;
  }

  private static BurnRateEvaluation transitions(
      ServiceLevelObjective slo,
      SloAlertState previous,
      List<ConditionResult> results,
      Instant now,
      double budgetRemaining) {
    Map<Severity, ActiveAlert> firing = new EnumMap<>(Severity.class);
    firing.putAll(previous.firing());
    List<BurnRateAlertEvent> events = new ArrayList<>();
    for (Severity severity : Severity.values()) { // most urgent first, for suppression
      Optional<ConditionResult> holding = firstHolding(results, severity);
      ActiveAlert active = firing.get(severity);
      if (active == null && holding.isPresent() && !moreUrgentFiring(firing, severity)) {
        ConditionResult cause = holding.get();
        firing.put(severity, new ActiveAlert(now, cause.condition()));
        events.add(
            event(slo, severity, BurnRateAlertEvent.Kind.FIRING, now, now, cause, budgetRemaining));
      } else if (active != null && holding.isEmpty()) {
        firing.remove(severity);
        ConditionResult cause = resultOf(results, active.cause());
        events.add(
            event(
                slo,
                severity,
                BurnRateAlertEvent.Kind.RESOLVED,
                now,
                active.since(),
                cause,
                budgetRemaining));
      }
    }
    return new BurnRateEvaluation(new SloAlertState(firing), events, results);
  }

  private static Optional<ConditionResult> firstHolding(
      List<ConditionResult> results, Severity severity) {
    return results.stream()
        .filter(r -> r.condition().severity() == severity && r.holds())
        .findFirst();
  }

  private static boolean moreUrgentFiring(Map<Severity, ActiveAlert> firing, Severity severity) {
    return firing.keySet().stream().anyMatch(s -> s.compareTo(severity) < 0);
  }

  /** The result of the condition that fired; the first of its severity if the policy changed. */
  private static ConditionResult resultOf(List<ConditionResult> results, BurnRateCondition cause) {
    return results.stream()
        .filter(r -> r.condition().equals(cause))
        .findFirst()
        .or(
            () ->
                results.stream()
                    .filter(r -> r.condition().severity() == cause.severity())
                    .findFirst())
        .orElse(results.getFirst());
  }

  private static BurnRateAlertEvent event(
      ServiceLevelObjective slo,
      Severity severity,
      BurnRateAlertEvent.Kind kind,
      Instant now,
      Instant incidentStart,
      ConditionResult result,
      double budgetRemaining) {
    return new BurnRateAlertEvent(
        slo.id(),
        severity,
        kind,
        now,
        incidentStart,
        result.condition(),
        result.threshold(),
        result.longBurnRate(),
        result.shortBurnRate(),
        budgetRemaining);
  }

  private static EventCounts countOver(
      Map<Duration, EventCounts> cache,
      EventCountSource source,
      ServiceLevelObjective slo,
      Duration window,
      Instant now) {
    return cache.computeIfAbsent(window, w -> source.count(slo, now.minus(w), now));
  }
}
