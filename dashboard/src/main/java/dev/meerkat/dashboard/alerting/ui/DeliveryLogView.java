package dev.meerkat.dashboard.alerting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.alerting.domain.DeliveryAttempt;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.Suppression;
import dev.meerkat.dashboard.alerting.service.DeliveryLogService;
import dev.meerkat.dashboard.alerting.service.DeliveryLogService.Row;
import dev.meerkat.dashboard.security.domain.Role;
import dev.meerkat.dashboard.security.service.CurrentUser;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/**
 * The delivery log: the latest notifications (alerts and channel tests), every attempt of the one
 * selected (time, HTTP status, latency, error), a re-send button for dead ones, and the
 * notifications silences and maintenance windows suppressed.
 */
@PermitAll
@Route(value = "deliveries", layout = MainLayout.class)
@PageTitle("Delivery log | Meerkat")
public final class DeliveryLogView extends VerticalLayout {

  private static final int LIMIT = 200;

  private final DeliveryLogService log;
  private final Grid<Row> notifications = new Grid<>();
  private final Grid<DeliveryAttempt> attempts = new Grid<>();

  public DeliveryLogView(DeliveryLogService log) {
    this.log = log;
    setSizeFull();
    Button refresh = new Button("Refresh", e -> refresh());
    refresh.setId("deliveries-refresh");
    add(
        new H2("Delivery log"),
        refresh,
        createNotifications(),
        new H3("Attempts of the selected notification"),
        createAttempts(),
        new H3("Suppressed by silences and maintenance windows"),
        createSuppressions());
    refresh();
  }

  private Grid<Row> createNotifications() {
    notifications.setId("deliveries-grid");
    notifications
        .addColumn(r -> Formats.time(r.notification().createdAt()))
        .setHeader("Time")
        .setAutoWidth(true);
    notifications.addColumn(Row::channelName).setHeader("Channel").setAutoWidth(true);
    notifications
        .addColumn(r -> r.notification().notification().sloName())
        .setHeader("Alert")
        .setFlexGrow(2);
    notifications
        .addColumn(r -> r.notification().notification().state().wireName())
        .setHeader("State");
    notifications.addColumn(r -> r.notification().test() ? "test" : "").setHeader("Test");
    notifications
        .addColumn(r -> r.notification().status().name())
        .setHeader("Delivery")
        .setAutoWidth(true);
    notifications.addColumn(r -> r.notification().attempts()).setHeader("Attempts");
    notifications.addColumn(r -> r.notification().lastError()).setHeader("Last error");
    notifications.addComponentColumn(this::resendButton).setHeader("").setAutoWidth(true);
    notifications.addSelectionListener(
        e ->
            attempts.setItems(
                e.getFirstSelectedItem()
                    .map(r -> log.attempts(r.notification().id()))
                    .orElse(List.of())));
    notifications.setAllRowsVisible(true);
    return notifications;
  }

  private Grid<DeliveryAttempt> createAttempts() {
    attempts.setId("attempts-grid");
    attempts.addColumn(DeliveryAttempt::attempt).setHeader("#");
    attempts.addColumn(a -> Formats.time(a.attemptedAt())).setHeader("Time").setAutoWidth(true);
    attempts
        .addColumn(a -> a.statusCode() == 0 ? "-" : Integer.toString(a.statusCode()))
        .setHeader("HTTP status");
    attempts.addColumn(a -> a.latency().toMillis() + " ms").setHeader("Latency");
    attempts.addColumn(a -> a.outcome().name()).setHeader("Outcome");
    attempts.addColumn(DeliveryAttempt::error).setHeader("Error").setFlexGrow(2);
    attempts.setAllRowsVisible(true);
    return attempts;
  }

  private Grid<Suppression> createSuppressions() {
    Grid<Suppression> grid = new Grid<>();
    grid.setId("suppressed-grid");
    grid.addColumn(s -> Formats.time(s.at())).setHeader("Time").setAutoWidth(true);
    grid.addColumn(s -> s.reason().name()).setHeader("Reason");
    grid.addColumn(Suppression::summary).setHeader("Alert").setFlexGrow(2);
    grid.addColumn(Suppression::idempotencyKey).setHeader("Key").setFlexGrow(2);
    grid.setItems(log.suppressions(LIMIT));
    grid.setAllRowsVisible(true);
    return grid;
  }

  /** A dead notification can be sent once more, with the same idempotency key. */
  private Component resendButton(Row row) {
    if (row.notification().status() != DeliveryStatus.DEAD || !CurrentUser.may(Role.EDITOR)) {
      return new Span();
    }
    Button button = new Button("Re-send");
    button.addThemeVariants(ButtonVariant.LUMO_SMALL);
    button.addClickListener(
        click -> {
          boolean queued = log.resend(row.notification().id());
          Notification.show(queued ? "Queued for one more attempt" : "Not dead any more");
          refresh();
        });
    return button;
  }

  private void refresh() {
    notifications.setItems(log.recent(LIMIT));
  }
}
