package dev.meerkat.dashboard.slo.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ranks the operations of a latency SLO by the slow requests they contributed, counted exactly as
 * the SLI counts them ({@link LatencyIndicator#isBad}: the bucket holding the threshold is bad).
 */
public final class LatencyBudgetBurners {

  private LatencyBudgetBurners() {}

  /**
   * The operations with slow requests among {@code cells}, most first (ties by name), at most
   * {@code limit}, without example traces.
   */
  public static List<SlowOperation> rank(
      LatencyIndicator indicator, Iterable<RollupCell> cells, int limit) {
    Map<String, Double> slowByOperation = new TreeMap<>();
    double allSlow = 0;
    for (RollupCell cell : cells) {
      if (indicator.covers(cell.operation()) && indicator.isBad(cell)) {
        slowByOperation.merge(cell.operation(), cell.requests(), Double::sum);
        allSlow += cell.requests();
      }
    }
    List<SlowOperation> ranked = new ArrayList<>();
    for (Map.Entry<String, Double> entry : slowByOperation.entrySet()) {
      if (entry.getValue() > 0) {
        ranked.add(
            new SlowOperation(
                entry.getKey(), entry.getValue(), entry.getValue() / allSlow, List.of()));
      }
    }
    ranked.sort(Comparator.comparingDouble(SlowOperation::slowRequests).reversed());
    return ranked.size() <= limit ? ranked : List.copyOf(ranked.subList(0, limit));
  }
}
