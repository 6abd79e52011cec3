package dev.meerkat.dashboard.slo.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Unvalidated SLO input, from a form, a YAML file or an OpenSLO document. {@link #problems()} lists
 * every problem with a message a user can act on; {@link #toObjective()} builds the SLO when there
 * are none.
 *
 * @param id stable id, see {@link ServiceLevelObjective#id()}
 * @param name display name; defaults to the id when blank
 * @param service service name
 * @param indicatorKind {@code availability} or {@code latency}
 * @param latencyThreshold latency SLIs only: longest good duration
 * @param operations span names, empty for the whole service
 * @param objectivePercent target in percent, in (0, 100)
 * @param window {@code 7d}, {@code 28d}, {@code 30d} or {@code month}
 */
public record SloDraft(
    String id,
    String name,
    String service,
    String indicatorKind,
    Duration latencyThreshold,
    List<String> operations,
    Double objectivePercent,
    String window) {

  static final String ID_MESSAGE =
      "id must be 1 to 63 lower-case letters, digits or dashes, starting with a letter or digit";
  static final String NAME_MESSAGE = "name is required";
  static final String SERVICE_MESSAGE = "service is required";
  static final String OBJECTIVE_MESSAGE =
      "objective must be a percentage between 0 and 100 (exclusive), e.g. 99.9";
  static final String INDICATOR_MESSAGE = "indicator must be availability or latency";
  static final String THRESHOLD_REQUIRED_MESSAGE = "a latency SLO needs a threshold, e.g. 300ms";
  static final String THRESHOLD_UNEXPECTED_MESSAGE =
      "only a latency SLO has a threshold; remove it or use indicator latency";

  static boolean isValidId(String id) {
    return id.matches("[a-z0-9][a-z0-9-]{0,62}");
  }

  /** Every problem, in field order; empty when {@link #toObjective()} will succeed. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (id == null || !isValidId(id)) {
      problems.add(ID_MESSAGE + (id == null ? "" : ", was '" + id + "'"));
    }
    if (service == null || service.isBlank()) {
      problems.add(SERVICE_MESSAGE);
    }
    String kind = indicatorKind == null ? "" : indicatorKind.strip().toLowerCase(Locale.ROOT);
    if (!kind.equals("availability") && !kind.equals("latency")) {
      problems.add(
          INDICATOR_MESSAGE + (indicatorKind == null ? "" : ", was '" + indicatorKind + "'"));
    }
    if (kind.equals("latency") && latencyThreshold == null) {
      problems.add(THRESHOLD_REQUIRED_MESSAGE);
    } else if (latencyThreshold != null && !kind.equals("latency")) {
      problems.add(THRESHOLD_UNEXPECTED_MESSAGE);
    } else if (latencyThreshold != null
        && (latencyThreshold.isNegative() || latencyThreshold.isZero())) {
      problems.add(LatencyIndicator.THRESHOLD_MESSAGE);
    }
    if (operations != null && operations.stream().anyMatch(o -> o == null || o.isBlank())) {
      problems.add(Operations.BLANK_MESSAGE);
    }
    if (objectivePercent == null || !(objectivePercent > 0 && objectivePercent < 100)) {
      problems.add(
          OBJECTIVE_MESSAGE + (objectivePercent == null ? "" : ", was " + objectivePercent));
    }
    try {
      SloTimeWindow.parse(window);
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    return problems;
  }

  /** The validated SLO; throws listing every problem when there are any. */
  public ServiceLevelObjective toObjective() {
    List<String> problems = problems();
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Set<String> selected = Operations.validated(operations);
    Indicator indicator =
        latencyThreshold != null
            ? new LatencyIndicator(latencyThreshold, selected)
            : new AvailabilityIndicator(selected);
    String displayName = name == null || name.isBlank() ? id : name.strip();
    return new ServiceLevelObjective(
        id,
        displayName,
        service.strip(),
        indicator,
        // Decimal arithmetic: 99.9 / 100 in doubles is 0.9990000000000001, not 0.999.
        BigDecimal.valueOf(objectivePercent).movePointLeft(2).doubleValue(),
        SloTimeWindow.parse(window));
  }
}
