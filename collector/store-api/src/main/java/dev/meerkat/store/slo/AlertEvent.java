package dev.meerkat.store.slo;

import java.time.Instant;
import java.util.Objects;

/**
 * One state change of an SLO alert, appended to the alert history. How its notification was
 * delivered is not part of the history: that is mutable, transactional state and lives with the
 * notification outbox of the dashboard's relational store, linked by {@link #eventId}.
 *
 * @param eventId unique id of the event
 * @param sloId SLO the alert belongs to
 * @param sloName SLO name at the time of the event
 * @param service service of the SLO
 * @param state state the alert changed to: {@link AlertState#FIRING} or {@link AlertState#RESOLVED}
 * @param eventTime when it changed (second precision in storage)
 * @param burnRate burn rate that caused the change
 * @param threshold burn-rate threshold at the time
 * @param severity {@code page} or {@code ticket}: an SLO has one alert of each
 */
public record AlertEvent(
    String eventId,
    String sloId,
    String sloName,
    String service,
    AlertState state,
    Instant eventTime,
    double burnRate,
    double threshold,
    String severity) {

  /** An event of an SLO's page alert (the only alert an SLO had before severities). */
  public AlertEvent(
      String eventId,
      String sloId,
      String sloName,
      String service,
      AlertState state,
      Instant eventTime,
      double burnRate,
      double threshold) {
    this(eventId, sloId, sloName, service, state, eventTime, burnRate, threshold, "page");
  }

  public AlertEvent {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(sloId, "sloId");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(eventTime, "eventTime");
    if (state == AlertState.OK) {
      throw new IllegalArgumentException("an alert event is a change to FIRING or RESOLVED");
    }
    sloName = sloName == null ? "" : sloName;
    service = service == null ? "" : service;
    severity = severity == null || severity.isBlank() ? "page" : severity;
  }

  public boolean isFiring() {
    return state.isFiring();
  }
}
