package dev.meerkat.dashboard.alerting.service;

import dev.meerkat.dashboard.alerting.domain.BurnRateAlertEvent;
import dev.meerkat.dashboard.alerting.domain.Severity;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import dev.meerkat.notify.AlertNotification;
import dev.meerkat.notify.AlertSeverity;
import dev.meerkat.store.slo.AlertState;

/**
 * Turns an evaluator's {@link BurnRateAlertEvent} into the channel-neutral {@link
 * AlertNotification} every notifier sends. The burn rate reported is the condition's long-window
 * one (the window that measured the spent budget); it is NaN (written as null) when that window had
 * no events. A calendar-month SLO reports the length of the month the event happened in.
 */
public final class BurnRateNotifications {

  private final String sloPageUrl;

  /**
   * @param publicUrl the dashboard's public base URL, e.g. {@code https://meerkat.example}
   */
  public BurnRateNotifications(String publicUrl) {
    this.sloPageUrl = publicUrl.replaceAll("/+$", "") + "/slos";
  }

  public AlertNotification notification(BurnRateAlertEvent event, ServiceLevelObjective slo) {
    if (!event.sloId().equals(slo.id())) {
      throw new IllegalArgumentException(
          "event of SLO " + event.sloId() + " given with SLO " + slo.id());
    }
    return new AlertNotification(
        event.kind() == BurnRateAlertEvent.Kind.FIRING ? AlertState.FIRING : AlertState.RESOLVED,
        slo.id(),
        slo.name(),
        slo.service(),
        slo.objective(),
        slo.window().length(event.at()),
        event.longBurnRate().orElse(Double.NaN),
        event.threshold(),
        event.errorBudgetRemaining(),
        event.at(),
        event.incidentStart(),
        sloPageUrl,
        event.severity() == Severity.PAGE ? AlertSeverity.PAGE : AlertSeverity.TICKET);
  }
}
