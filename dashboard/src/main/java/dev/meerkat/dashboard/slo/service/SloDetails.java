package dev.meerkat.dashboard.slo.service;

import dev.meerkat.dashboard.slo.domain.AvailabilityIndicator;
import dev.meerkat.dashboard.slo.domain.BurnDown;
import dev.meerkat.dashboard.slo.domain.ErrorBudget;
import dev.meerkat.dashboard.slo.domain.EventCountSource;
import dev.meerkat.dashboard.slo.domain.EventCounts;
import dev.meerkat.dashboard.slo.domain.EventWindow;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import dev.meerkat.dashboard.slo.domain.StoredSlos;
import dev.meerkat.store.query.ErrorCause;
import dev.meerkat.store.query.ErrorCauseRepository;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the SLO page shows over time: the SLI and the error-budget burn-down across the SLO period,
 * and what burned the budget (failed requests by operation and error type, with example traces).
 */
public final class SloDetails {

  /** The period is cut into this many steps (read together in one rollup query). */
  static final int STEPS = 30;

  /** Causes shown under "what burned the budget". */
  static final int CAUSES = 10;

  private final SloRepository slos;
  private final EventCountSource events;
  private final ErrorCauseRepository causes;
  private final Clock clock;

  public SloDetails(
      SloRepository slos, EventCountSource events, ErrorCauseRepository causes, Clock clock) {
    this.slos = slos;
    this.events = events;
    this.causes = causes;
    this.clock = clock;
  }

  /** The SLI of one step; empty without events. */
  public record SliPoint(Instant at, OptionalDouble sli) {}

  /** An SLO's history across its current period. */
  public record History(List<SliPoint> sli, List<BurnDown.Point> burnDown) {
    public History {
      sli = List.copyOf(sli);
      burnDown = List.copyOf(burnDown);
    }
  }

  public Optional<History> history(String sloId) {
    Instant now = clock.instant();
    return slos.find(sloId).map(StoredSlos::objective).map(slo -> history(slo, now));
  }

  /**
   * Failed requests of the SLO's operations over its period, most first. Only an availability SLO
   * is burned by errors; a latency SLO's bad events are slow requests, so it has none here.
   */
  public List<ErrorCause> budgetBurners(String sloId) {
    Instant now = clock.instant();
    Optional<SloDefinition> definition = slos.find(sloId);
    if (definition.isEmpty()) {
      return List.of();
    }
    ServiceLevelObjective slo = StoredSlos.objective(definition.get());
    if (!(slo.indicator() instanceof AvailabilityIndicator)) {
      return List.of();
    }
    return causes.errorCauses(
        slo.service(),
        List.copyOf(slo.indicator().operations()),
        slo.window().start(now),
        now,
        CAUSES);
  }

  private History history(ServiceLevelObjective slo, Instant now) {
    Instant start = slo.window().start(now);
    // Whole minutes per step: the rollup's resolution.
    Duration step =
        Duration.ofMinutes(Math.max(1, Duration.between(start, now).toMinutes() / STEPS));
    List<EventWindow> windows = new ArrayList<>();
    Instant end = now.truncatedTo(ChronoUnit.MINUTES);
    for (Instant from = start; from.isBefore(end); from = from.plus(step)) {
      windows.add(new EventWindow(slo, from, from.plus(step).isAfter(end) ? end : from.plus(step)));
    }
    List<EventCounts> counts = events.countEach(windows);
    List<BurnDown.Step> steps = new ArrayList<>();
    List<SliPoint> sli = new ArrayList<>();
    for (int i = 0; i < windows.size(); i++) {
      EventWindow window = windows.get(i);
      steps.add(new BurnDown.Step(window.from(), window.to(), counts.get(i)));
      sli.add(new SliPoint(window.to(), ErrorBudget.sli(counts.get(i))));
    }
    return new History(sli, BurnDown.compute(slo, steps, now));
  }
}
