package dev.meerkat.dashboard.slo.domain;

import java.time.Instant;
import java.util.List;

/**
 * Which weeks one SLO was violated in: a week is violated when its SLI (good / all events over the
 * week) is below the objective; a week without events is not.
 *
 * @param sloId the SLO's id
 * @param name the SLO's name
 * @param objective target share of good events, e.g. 0.99
 * @param violatedWeeks starts of the violated weeks, in the order asked
 */
public record WeeklySloCheck(
    String sloId, String name, double objective, List<Instant> violatedWeeks) {

  public WeeklySloCheck {
    violatedWeeks = List.copyOf(violatedWeeks);
  }
}
