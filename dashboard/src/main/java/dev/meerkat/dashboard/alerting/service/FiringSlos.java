package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.AlertStatus;
import dev.meerkat.dashboard.slo.service.SloAlertStates;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Tells the SLO feature which SLOs are firing, and at which severity, from the alert store. */
public final class FiringSlos implements SloAlertStates {

  private final AlertStore store;

  public FiringSlos(AlertStore store) {
    this.store = store;
  }

  @Override
  public Map<String, Set<String>> firingSeverities() {
    return store.currentStates().values().stream()
        .filter(status -> status.state().isFiring())
        .collect(
            Collectors.groupingBy(
                AlertStatus::sloId,
                Collectors.mapping(
                    status -> status.severity().wireName(),
                    Collectors.toCollection(TreeSet::new))));
  }
}
