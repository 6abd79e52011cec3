package dev.meerkat.notify;

import dev.meerkat.store.slo.AlertState;
import java.time.Duration;
import java.time.Instant;

/** Sample notifications shared by the tests. */
final class Notifications {

  static final Instant INCIDENT_START = Instant.parse("2026-03-01T12:00:00Z");

  private Notifications() {}

  static AlertNotification firing() {
    return new AlertNotification(
        AlertState.FIRING,
        "slo-42",
        "Checkout \"availability\"",
        "checkout",
        0.995,
        Duration.ofDays(30),
        14.4,
        2.0,
        0.875,
        INCIDENT_START,
        INCIDENT_START,
        "http://localhost:8080/slos");
  }

  static AlertNotification ticket() {
    AlertNotification page = firing();
    return new AlertNotification(
        page.state(),
        page.sloId(),
        page.sloName(),
        page.service(),
        page.objective(),
        page.window(),
        3.5,
        3.0,
        0.6,
        page.eventTime(),
        page.incidentStart(),
        page.dashboardUrl(),
        AlertSeverity.TICKET);
  }

  static AlertNotification resolved() {
    return new AlertNotification(
        AlertState.RESOLVED,
        "slo-42",
        "Checkout \"availability\"",
        "checkout",
        0.995,
        Duration.ofDays(30),
        0.5,
        2.0,
        -0.25,
        INCIDENT_START.plus(Duration.ofMinutes(17)),
        INCIDENT_START,
        "http://localhost:8080/slos");
  }
}
