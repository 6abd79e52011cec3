package dev.meerkat.dashboard.alerting.domain;

import dev.meerkat.store.query.RequestCounts;
import dev.meerkat.store.slo.AlertState;
import dev.meerkat.store.slo.SloDefinition;
import java.time.Instant;

/**
 * The one seam between the alerting runtime (store, outbox, delivery) and the alert policy: given
 * an SLO, its current alert state and its request counts, decide the new state. Pure: everything it
 * needs is passed in, time included.
 */
@FunctionalInterface
public interface SloAlertPolicy {

  AlertDecision evaluate(SloDefinition slo, AlertState current, Counts counts, Instant now);

  /** Sample-weighted request counts of the SLO's service in [from, to), from the rollups. */
  @FunctionalInterface
  interface Counts {
    RequestCounts between(Instant from, Instant to);
  }
}
