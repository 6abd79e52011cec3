package dev.meerkat.dashboard.slo.domain;

import dev.meerkat.store.query.RequestCounts;
import java.util.OptionalDouble;

/**
 * The arithmetic of availability SLOs. Inputs are sample-weighted request counts (SERVER and
 * CONSUMER spans of the service, from the per-minute rollup); the objective is a ratio in (0, 1).
 *
 * <ul>
 *   <li><b>SLI</b> = good / total over the SLO window, where good = total - errors. Undefined
 *       (empty) without traffic.
 *   <li><b>Error budget remaining</b> = 1 - (bad / total) / (1 - objective): 1 (100 %) when no
 *       request failed, 0 when exactly the allowed share failed, negative when the budget is
 *       overspent. 100 % when there was no traffic.
 *   <li><b>Burn rate</b> over any window = (bad / total) / (1 - objective): how many times faster
 *       than sustainable the budget is being spent (1 = the budget lasts exactly the SLO window).
 *       Undefined (empty) without traffic.
 * </ul>
 */
public final class SloMath {

  private SloMath() {}

  public static OptionalDouble sli(RequestCounts counts) {
    if (counts.total() <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of(counts.good() / counts.total());
  }

  public static double errorBudgetRemaining(RequestCounts counts, double objective) {
    requireObjective(objective);
    if (counts.total() <= 0) {
      return 1.0;
    }
    return 1.0 - (counts.errors() / counts.total()) / (1.0 - objective);
  }

  public static OptionalDouble burnRate(RequestCounts counts, double objective) {
    requireObjective(objective);
    if (counts.total() <= 0) {
      return OptionalDouble.empty();
    }
    return OptionalDouble.of((counts.errors() / counts.total()) / (1.0 - objective));
  }

  private static void requireObjective(double objective) {
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException("objective must be in (0, 1), was " + objective);
    }
  }
}
