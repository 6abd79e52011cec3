package dev.meerkat.dashboard.slo.domain;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A validated SLO: an indicator over one service, an objective and the period it applies to. Built
 * from user input through {@link SloDraft}, which reports every problem at once.
 *
 * @param id stable id: lower-case letters, digits and dashes, at most 63 characters
 * @param name display name
 * @param service service whose requests the SLO covers
 * @param indicator availability or latency, for the whole service or some operations
 * @param objective target share of good events, in (0, 1), e.g. 0.999
 * @param window rolling 7/28/30 days or the calendar month
 */
public record ServiceLevelObjective(
    String id,
    String name,
    String service,
    Indicator indicator,
    double objective,
    SloTimeWindow window) {

  public ServiceLevelObjective {
    Objects.requireNonNull(indicator, "indicator");
    Objects.requireNonNull(window, "window");
    if (id == null || !SloDraft.isValidId(id)) {
      throw new IllegalArgumentException(SloDraft.ID_MESSAGE + ", was '" + id + "'");
    }
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException(SloDraft.NAME_MESSAGE);
    }
    if (service == null || service.isBlank()) {
      throw new IllegalArgumentException(SloDraft.SERVICE_MESSAGE);
    }
    if (!(objective > 0 && objective < 1)) {
      throw new IllegalArgumentException("objective must be in (0, 1), was " + objective);
    }
  }

  /** The share of events allowed to be bad: 1 - objective. */
  public double allowedBadRatio() {
    return 1 - objective;
  }

  /** Objective as a percentage, e.g. 99.9. */
  public double objectivePercent() {
    return BigDecimal.valueOf(objective).movePointRight(2).doubleValue();
  }
}
