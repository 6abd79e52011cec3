package dev.meerkat.dashboard.slo.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
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

  /** Reads the SLO's period and every {@link BurnWindow} from {@code source}, at once. */
  public static SloReading read(ServiceLevelObjective slo, EventCountSource source, Instant now) {
    return readAll(List.of(slo), source, now).getFirst();
  }

  /** {@link #read} for each SLO, in order, with one {@link EventCountSource#countEach}. */
  public static List<SloReading> readAll(
      List<ServiceLevelObjective> slos, EventCountSource source, Instant now) {
    List<EventWindow> windows = new ArrayList<>();
    for (ServiceLevelObjective slo : slos) {
      windows.add(new EventWindow(slo, slo.window().start(now), now));
      for (BurnWindow window : BurnWindow.values()) {
        windows.add(new EventWindow(slo, now.minus(window.duration()), now));
      }
    }
    List<EventCounts> counts = source.countEach(windows);
    List<SloReading> readings = new ArrayList<>(slos.size());
    int perSlo = 1 + BurnWindow.values().length;
    for (int i = 0; i < slos.size(); i++) {
      readings.add(reading(slos.get(i), counts.subList(i * perSlo, (i + 1) * perSlo), now));
    }
    return readings;
  }

  /** From the counts of the period, then of each {@link BurnWindow} in declaration order. */
  private static SloReading reading(
      ServiceLevelObjective slo, List<EventCounts> counts, Instant now) {
    EventCounts period = counts.getFirst();
    Map<BurnWindow, OptionalDouble> burnRates = new EnumMap<>(BurnWindow.class);
    for (BurnWindow window : BurnWindow.values()) {
      burnRates.put(
          window, ErrorBudget.burnRate(counts.get(window.ordinal() + 1), slo.objective()));
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
