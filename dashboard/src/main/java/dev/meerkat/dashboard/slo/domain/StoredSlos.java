package dev.meerkat.dashboard.slo.domain;

import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloSpec;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Translates between the stored {@link SloDefinition} (plain values) and the validated {@link
 * ServiceLevelObjective} the SLO engine computes with.
 */
public final class StoredSlos {

  private StoredSlos() {}

  /** The SLO engine's view of a stored definition. */
  public static ServiceLevelObjective objective(SloDefinition definition) {
    return draft(definition).toObjective();
  }

  /** The stored definition as form input, e.g. to edit it. */
  public static SloDraft draft(SloDefinition definition) {
    SloSpec spec = definition.spec();
    boolean latency = spec.indicator().equals(SloSpec.LATENCY);
    return new SloDraft(
        definition.id(),
        definition.name(),
        definition.service(),
        spec.indicator(),
        latency ? Duration.ofMillis(spec.latencyThresholdMillis()) : null,
        spec.operations(),
        BigDecimal.valueOf(definition.objective()).movePointRight(2).doubleValue(),
        spec.window());
  }

  /**
   * A new version of {@code slo} to save.
   *
   * @param webhookUrl where its alerts go, empty for none
   * @param minimumEvents low-traffic guard of its burn-rate policy
   * @param origin the file it was loaded from, empty when made in the dashboard
   */
  public static SloDefinition definition(
      ServiceLevelObjective slo,
      String webhookUrl,
      double minimumEvents,
      String origin,
      Instant now) {
    long thresholdMillis =
        slo.indicator() instanceof LatencyIndicator latency ? latency.threshold().toMillis() : 0;
    SloSpec spec =
        new SloSpec(
            slo.indicator().kind(),
            thresholdMillis,
            List.copyOf(slo.indicator().operations()),
            slo.window().label(),
            minimumEvents,
            origin);
    return new SloDefinition(
        slo.id(),
        0,
        slo.name(),
        slo.service(),
        slo.objective(),
        nominalLength(slo.window()),
        0,
        webhookUrl,
        now,
        spec);
  }

  /** A rolling window's length; 30 days for a calendar month. */
  private static Duration nominalLength(SloTimeWindow window) {
    return window instanceof RollingWindow rolling ? rolling.length() : Duration.ofDays(30);
  }
}
