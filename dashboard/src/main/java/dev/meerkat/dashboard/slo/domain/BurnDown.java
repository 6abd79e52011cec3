package dev.meerkat.dashboard.slo.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The error budget burn-down across an SLO period: the budget remaining after each step, as the bad
 * events of the period so far are subtracted from the budget of the whole period ({@link
 * ErrorBudget#remaining}). It starts at 1 at the period start, never rises, and its last point is
 * the SLO's current budget remaining.
 */
public final class BurnDown {

  /** Counts of one step of the period, {@code [start, end)}. */
  public record Step(Instant start, Instant end, EventCounts counts) {}

  /** Budget remaining at {@code at}. */
  public record Point(Instant at, double remaining) {}

  private BurnDown() {}

  /**
   * @param steps consecutive steps covering the period that ends at {@code now}, oldest first
   */
  public static List<Point> compute(ServiceLevelObjective slo, List<Step> steps, Instant now) {
    double total = 0;
    for (Step step : steps) {
      total += step.counts().total();
    }
    double allowed = ErrorBudget.allowedBadEvents(slo, total, now);
    List<Point> points = new ArrayList<>(steps.size() + 1);
    points.add(new Point(slo.window().start(now), 1.0));
    double bad = 0;
    for (Step step : steps) {
      bad += step.counts().bad();
      points.add(new Point(step.end(), allowed <= 0 ? 1.0 : 1.0 - bad / allowed));
    }
    return List.copyOf(points);
  }
}
