package dev.meerkat.dashboard.slo.domain;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * An SLO's numbers at one instant.
 *
 * @param slo the SLO
 * @param at evaluation time
 * @param period events of the SLO period ending at {@code at}
 * @param sli good / total over the period, empty without events
 * @param errorBudgetRemaining see {@link ErrorBudget#remaining}
 * @param burnRates burn rate per window ending at {@code at}, empty where there were no events
 */
public record SloReading(
    ServiceLevelObjective slo,
    Instant at,
    EventCounts period,
    OptionalDouble sli,
    double errorBudgetRemaining,
    Map<BurnWindow, OptionalDouble> burnRates) {

  public SloReading {
    burnRates = Map.copyOf(burnRates);
  }

  /** Reads the SLO's period and every {@link BurnWindow} from {@code source}. */
  public static SloReading read(ServiceLevelObjective slo, EventCountSource source, Instant now) {
    EventCounts period = source.count(slo, slo.window().start(now), now);
    Map<BurnWindow, OptionalDouble> burnRates = new EnumMap<>(BurnWindow.class);
    for (BurnWindow window : BurnWindow.values()) {
      EventCounts counts = source.count(slo, now.minus(window.duration()), now);
      burnRates.put(window, ErrorBudget.burnRate(counts, slo.objective()));
    }
    return new SloReading(
        slo,
        now,
        period,
        ErrorBudget.sli(period),
        ErrorBudget.remaining(slo, period, now),
        burnRates);
  }
}
