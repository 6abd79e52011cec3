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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
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
import dev.meerkat.dashboard.ui.time.Interval;
import dev.meerkat.dashboard.ui.time.Preset;
import dev.meerkat.dashboard.ui.time.TimePicker;
import dev.meerkat.dashboard.ui.time.TimeSelection;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The delivery log over the picked time: the notifications created in it (alerts and channel
 * tests), newest first, a page at a time; every attempt of the one selected (time, HTTP status,
 * latency, error), a re-send button for dead ones, and the notifications silences and maintenance
 * windows suppressed in it. The time is in the URL ({@code deliveries?range=24h}); auto-refresh
 * reloads the rows in place.
 */
@PermitAll
@Route(value = "deliveries", layout = MainLayout.class)
@PageTitle("Delivery log | Meerkat")
public final class DeliveryLogView extends VerticalLayout implements BeforeEnterObserver {

  static final int PAGE_SIZE = 50;

  private final DeliveryLogService log;
  private final Clock clock;
  private final TimePicker time;
  private final Grid<Row> notifications = new Grid<>();
  private final Grid<DeliveryAttempt> attempts = new Grid<>();
  private final Grid<Suppression> suppressions = new Grid<>();
  private final PagedRows<Row> notificationRows =
      new PagedRows<>("deliveries-more", PAGE_SIZE, this::showNotifications);
  private final PagedRows<Suppression> suppressionRows =
      new PagedRows<>("suppressed-more", PAGE_SIZE, suppressions::setItems);
  private QueryParameters query = QueryParameters.empty();
  private String selectedId;

  public DeliveryLogView(DeliveryLogService log, Clock clock) {
    this.log = log;
    this.clock = clock;
    this.time = new TimePicker(clock);
    time.addSelectionListener(selection -> navigate(selection.mergeInto(query)));
    time.addRefreshListener(this::refresh);
    setSizeFull();
    Button refresh = new Button("Refresh", e -> refresh());
    refresh.setId("deliveries-refresh");
    add(
        new H2("Delivery log"),
        time,
        refresh,
        createNotifications(),
        notificationRows.moreButton(),
        new H3("Attempts of the selected notification"),
        createAttempts(),
        new H3("Suppressed by silences and maintenance windows"),
        createSuppressions(),
        suppressionRows.moreButton());
  }

  /** The time and auto-refresh from the URL ({@code range} or {@code from}/{@code to}). */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    query = event.getLocation().getQueryParameters();
    time.setSelection(TimeSelection.read(query, Preset.ONE_DAY));
    Interval interval = window();
    notificationRows.load(notifications(interval));
    suppressionRows.load(suppressions(interval));
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
        e -> {
          selectedId = e.getFirstSelectedItem().map(r -> r.notification().id()).orElse(null);
          showAttempts();
        });
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
    Grid<Suppression> grid = suppressions;
    grid.setId("suppressed-grid");
    grid.addColumn(s -> Formats.time(s.at())).setHeader("Time").setAutoWidth(true);
    grid.addColumn(s -> s.reason().name()).setHeader("Reason");
    grid.addColumn(Suppression::summary).setHeader("Alert").setFlexGrow(2);
    grid.addColumn(Suppression::idempotencyKey).setHeader("Key").setFlexGrow(2);
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

  /** The same window resolved again, reloaded in place as far as the rows shown reached. */
  private void refresh() {
    Interval interval = window();
    notificationRows.reload(notifications(interval));
    suppressionRows.reload(suppressions(interval));
  }

  private PagedRows.Pages<Row> notifications(Interval interval) {
    return (offset, limit) -> log.recent(interval.from(), interval.to(), offset, limit);
  }

  private PagedRows.Pages<Suppression> suppressions(Interval interval) {
    return (offset, limit) -> log.suppressions(interval.from(), interval.to(), offset, limit);
  }

  /** The rows, with the selected notification kept selected (its attempts reloaded). */
  private void showNotifications(List<Row> rows) {
    Optional<Row> same =
        rows.stream().filter(r -> r.notification().id().equals(selectedId)).findFirst();
    notifications.setItems(rows);
    same.ifPresent(notifications::select);
    selectedId = same.map(r -> r.notification().id()).orElse(null);
    showAttempts();
  }

  private void showAttempts() {
    attempts.setItems(selectedId == null ? List.of() : log.attempts(selectedId));
  }

  private Interval window() {
    return time.getSelection().window().resolve(clock.instant());
  }

  private void navigate(QueryParameters target) {
    getUI().ifPresent(ui -> ui.navigate(DeliveryLogView.class, target));
  }
}
