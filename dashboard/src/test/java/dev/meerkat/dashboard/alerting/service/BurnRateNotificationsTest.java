package dev.meerkat.dashboard.alerting.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.dashboard.alerting.domain.BurnRateAlertEvent;
import dev.meerkat.dashboard.alerting.domain.BurnRatePolicy;
import dev.meerkat.dashboard.alerting.domain.Severity;
import dev.meerkat.dashboard.slo.domain.AvailabilityIndicator;
import dev.meerkat.dashboard.slo.domain.CalendarMonthWindow;
import dev.meerkat.dashboard.slo.domain.ServiceLevelObjective;
import dev.meerkat.notify.AlertNotification;
import dev.meerkat.notify.AlertSeverity;
import dev.meerkat.store.slo.AlertState;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class BurnRateNotificationsTest {

  @Test
  void carriesTheEventIntoTheChannelNeutralNotification() {
    ServiceLevelObjective slo =
        new ServiceLevelObjective(
            "search-monthly",
            "Search",
            "search",
            AvailabilityIndicator.wholeService(),
            0.999,
            CalendarMonthWindow.INSTANCE);
    Instant start = Instant.parse("2026-02-10T12:00:49Z");
    BurnRateAlertEvent resolved =
        new BurnRateAlertEvent(
            "search-monthly",
            Severity.TICKET,
            BurnRateAlertEvent.Kind.RESOLVED,
            start.plusSeconds(600),
            start,
            BurnRatePolicy.workbookDefault().conditions().get(2),
            2.8,
            OptionalDouble.of(1.5),
            OptionalDouble.empty(),
            0.75);

    AlertNotification notification =
        new BurnRateNotifications("https://meerkat.example/").notification(resolved, slo);

    assertThat(notification)
        .isEqualTo(
            new AlertNotification(
                AlertState.RESOLVED,
                "search-monthly",
                "Search",
                "search",
                0.999,
                Duration.ofDays(28),
                1.5,
                2.8,
                0.75,
                start.plusSeconds(600),
                start,
                "https://meerkat.example/slos",
                AlertSeverity.TICKET));
    assertThat(notification.idempotencyKey()).isEqualTo(resolved.idempotencyKey());
  }
}
