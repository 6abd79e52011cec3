package dev.meerkat.notify;

import dev.meerkat.store.slo.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One state change of an SLO burn-rate alert, channel-neutral.
 *
 * @param state firing or resolved
 * @param sloId stable id of the SLO
 * @param sloName display name of the SLO
 * @param service service the SLO covers
 * @param objective target ratio of good requests, in (0, 1), e.g. 0.995
 * @param window SLO window
 * @param burnRate burn rate that caused the change (short window)
 * @param threshold burn-rate threshold of the alert
 * @param errorBudgetRemaining remaining share of the error budget, 1 = untouched, may be negative
 * @param eventTime when the state changed
 * @param incidentStart when the incident began (the firing time); identical for the firing and the
 *     resolved notification of one incident
 * @param dashboardUrl link to the SLO in the dashboard
 * @param severity page or ticket; one SLO can have one incident of each at a time
 * @param rule for a metric-rule alert, what the rule watched and saw (the channels then send the
 *     rule's own payload); null for an SLO alert. A rule alert's {@code sloId} is its alert id
 *     {@code rule:<rule id>/<group>} and its {@code sloName} the rule's name
 */
public record AlertNotification(
    AlertState state,
    String sloId,
    String sloName,
    String service,
    double objective,
    Duration window,
    double burnRate,
    double threshold,
    double errorBudgetRemaining,
    Instant eventTime,
    Instant incidentStart,
    String dashboardUrl,
    AlertSeverity severity,
    RuleDetails rule) {

  public AlertNotification {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(sloId, "sloId");
    Objects.requireNonNull(sloName, "sloName");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(eventTime, "eventTime");
    Objects.requireNonNull(incidentStart, "incidentStart");
    Objects.requireNonNull(dashboardUrl, "dashboardUrl");
  }

  /** An SLO alert. */
  public AlertNotification(
      AlertState state,
      String sloId,
      String sloName,
      String service,
      double objective,
      Duration window,
      double burnRate,
      double threshold,
      double errorBudgetRemaining,
      Instant eventTime,
      Instant incidentStart,
      String dashboardUrl,
      AlertSeverity severity) {
    this(
        state,
        sloId,
        sloName,
        service,
        objective,
        window,
        burnRate,
        threshold,
        errorBudgetRemaining,
        eventTime,
        incidentStart,
        dashboardUrl,
        severity,
        null);
  }

  /** Whether this is a metric-rule alert ({@link #rule()} is set). */
  public boolean isRuleAlert() {
    return rule != null;
  }

  /** A page-severity notification (the only severity before multi-burn-rate policies). */
  public AlertNotification(
      AlertState state,
      String sloId,
      String sloName,
      String service,
      double objective,
      Duration window,
      double burnRate,
      double threshold,
      double errorBudgetRemaining,
      Instant eventTime,
      Instant incidentStart,
      String dashboardUrl) {
    this(
        state,
        sloId,
        sloName,
        service,
        objective,
        window,
        burnRate,
        threshold,
        errorBudgetRemaining,
        eventTime,
        incidentStart,
        dashboardUrl,
        AlertSeverity.PAGE);
  }

  /**
   * Key that is the same for every delivery attempt of this incident and state, so receivers can
   * drop duplicates: {@code <sloId>:<severity>:<incident start epoch seconds>:<state>}.
   */
  public String idempotencyKey() {
    return sloId
        + ":"
        + severity.wireName()
        + ":"
        + incidentStart.getEpochSecond()
        + ":"
        + state.wireName();
  }
}
