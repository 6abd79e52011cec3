package dev.meerkat.dashboard.alerting.domain;

import dev.meerkat.store.slo.AlertState;
import java.time.Instant;
import java.util.Objects;

/**
 * The current state of one SLO's alert of one severity, as the relational store keeps it.
 *
 * @param sloId the SLO
 * @param severity page or ticket: each has its own state and incidents
 * @param state its state
 * @param incidentStart when the open (or last) incident began; null before the first one
 * @param changedAt when the state last changed
 * @param version increases with every change; a change is written only over the version it was
 *     decided from, so a process that lost the lease cannot overwrite a newer decision
 */
public record AlertStatus(
    String sloId,
    Severity severity,
    AlertState state,
    Instant incidentStart,
    Instant changedAt,
    long version) {

  public AlertStatus {
    Objects.requireNonNull(sloId, "sloId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(changedAt, "changedAt");
  }

  /** The state of an alert that has never been evaluated to a change. */
  public static AlertStatus initial(String sloId, Severity severity) {
    return new AlertStatus(sloId, severity, AlertState.OK, null, Instant.EPOCH, 0);
  }

  /** The page alert of an SLO that has never changed. */
  public static AlertStatus initial(String sloId) {
    return initial(sloId, Severity.PAGE);
  }

  /** {@code <sloId>:<severity>}: how {@link #key(String, Severity)} finds it. */
  public String key() {
    return key(sloId, severity);
  }

  public static String key(String sloId, Severity severity) {
    return sloId + ":" + severity.wireName();
  }

  /** The next status after a change to {@code next} at {@code now}. */
  public AlertStatus changeTo(AlertState next, Instant now) {
    Instant incident = next.isFiring() ? now : incidentStart == null ? now : incidentStart;
    return new AlertStatus(sloId, severity, next, incident, now, version + 1);
  }
}
