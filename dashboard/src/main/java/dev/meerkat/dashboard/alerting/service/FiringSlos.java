package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.AlertStatus;
import dev.meerkat.dashboard.slo.service.SloAlertStates;
import java.util.Set;
import java.util.stream.Collectors;

/** Tells the SLO feature which SLOs are firing, from the alert store. */
public final class FiringSlos implements SloAlertStates {

  private final AlertStore store;

  public FiringSlos(AlertStore store) {
    this.store = store;
  }

  @Override
  public Set<String> firingSloIds() {
    return store.currentStates().values().stream()
        .filter(status -> status.state().isFiring())
        .map(AlertStatus::sloId)
        .collect(Collectors.toUnmodifiableSet());
  }
}
