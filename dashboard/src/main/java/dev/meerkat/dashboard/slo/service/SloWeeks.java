package dev.meerkat.dashboard.slo.service;

import dev.meerkat.dashboard.slo.domain.EventCountSource;
import dev.meerkat.dashboard.slo.domain.EventCounts;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import dev.meerkat.dashboard.slo.domain.StoredSlos;
import dev.meerkat.dashboard.slo.domain.WeeklySloCheck;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The weeks in which the SLOs of a service were violated (the service page's weekly table). */
public class SloWeeks {

  private static final Duration WEEK = Duration.ofDays(7);

  private final SloRepository slos;
  private final EventCountSource events;

  public SloWeeks(SloRepository slos, EventCountSource events) {
    this.slos = slos;
    this.events = events;
  }

  /**
   * Every current SLO of {@code service}, in name order, with the weeks among {@code weekStarts}
   * whose SLI was below its objective; a week is [start, start + 7 days) clipped to {@code now}.
   */
  public List<WeeklySloCheck> check(String service, List<Instant> weekStarts, Instant now) {
    List<WeeklySloCheck> checks = new ArrayList<>();
    for (SloDefinition definition : slos.listCurrent()) {
      if (!definition.service().equals(service)) {
        continue;
      }
      ServiceLevelObjective slo = StoredSlos.objective(definition);
      List<Instant> violated = new ArrayList<>();
      for (Instant start : weekStarts) {
        Instant end = start.plus(WEEK).isAfter(now) ? now : start.plus(WEEK);
        if (start.isBefore(end) && violates(slo, events.count(slo, start, end))) {
          violated.add(start);
        }
      }
      checks.add(new WeeklySloCheck(slo.id(), slo.name(), slo.objective(), violated));
    }
    return checks;
  }

  private static boolean violates(ServiceLevelObjective slo, EventCounts counts) {
    return !counts.isEmpty() && counts.good() / counts.total() < slo.objective();
  }
}
