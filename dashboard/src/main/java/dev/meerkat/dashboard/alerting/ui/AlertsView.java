package dev.meerkat.dashboard.alerting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.service.AlertHistoryService;
import dev.meerkat.dashboard.alerting.service.AlertHistoryService.Entry;
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
import java.util.Locale;
import java.util.Optional;

/**
 * The alert state changes in the picked time, newest first, in a lazily paged grid, with how their
 * notifications went. The time is in the URL ({@code alerts?range=24h}); auto-refresh reloads the
 * grid in place.
 */
@PermitAll
@Route(value = "alerts", layout = MainLayout.class)
@PageTitle("Alerts | Meerkat")
public final class AlertsView extends VerticalLayout implements BeforeEnterObserver {

  private final AlertHistoryService history;
  private final Clock clock;
  private final TimePicker time;
  private final Grid<Entry> grid;
  private QueryParameters query = QueryParameters.empty();

  /** Every page the grid fetches covers these instants, so scrolling never shifts rows. */
  private Interval shown;

  public AlertsView(AlertHistoryService history, Clock clock) {
    this.history = history;
    this.clock = clock;
    this.time = new TimePicker(clock);
    this.shown = window();
    this.grid = createGrid();
    time.addSelectionListener(
        selection ->
            getUI().ifPresent(ui -> ui.navigate(AlertsView.class, selection.mergeInto(query))));
    time.addRefreshListener(this::refresh);
    setSizeFull();
    add(new H2("Alert history"), time, grid);
  }

  /** The time and auto-refresh from the URL ({@code range} or {@code from}/{@code to}). */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    query = event.getLocation().getQueryParameters();
    time.setSelection(TimeSelection.read(query, Preset.ONE_DAY));
    refresh();
  }

  /** The window resolved again; the grid fetches the pages it shows anew, in place. */
  private void refresh() {
    shown = window();
    grid.getDataProvider().refreshAll();
  }

  private Interval window() {
    return time.getSelection().window().resolve(clock.instant());
  }

  private Grid<Entry> createGrid() {
    Grid<Entry> changes = new Grid<>();
    changes.setId("alerts-grid");
    changes
        .addColumn(e -> Formats.time(e.event().eventTime()))
        .setHeader("Time")
        .setAutoWidth(true);
    changes.addColumn(e -> e.event().sloName()).setHeader("SLO").setFlexGrow(2);
    changes.addColumn(e -> e.event().service()).setHeader("Service");
    changes.addColumn(e -> e.event().severity()).setHeader("Severity");
    changes.addColumn(e -> e.event().state().name()).setHeader("State");
    changes
        .addColumn(e -> String.format(Locale.ROOT, "%.2f", e.event().burnRate()))
        .setHeader("Burn rate");
    changes.addColumn(AlertsView::delivery).setHeader("Delivery");
    changes
        .addColumn(e -> e.notification().map(OutboxEntry::attempts).orElse(0))
        .setHeader("Attempts");
    changes
        .addColumn(e -> e.notification().map(OutboxEntry::lastError).orElse(""))
        .setHeader("Last error")
        .setFlexGrow(2);
    changes.addComponentColumn(this::resendButton).setHeader("").setAutoWidth(true);
    changes.setItems(
        page ->
            history.history(shown.from(), shown.to(), page.getOffset(), page.getLimit()).stream());
    changes.setSizeFull();
    return changes;
  }

  /** A dead notification can be sent once more, with the same idempotency key. */
  private Component resendButton(Entry entry) {
    Optional<OutboxEntry> dead =
        entry.notification().filter(n -> n.status() == DeliveryStatus.DEAD);
    if (dead.isEmpty() || !CurrentUser.may(Role.EDITOR)) {
      return new Span();
    }
    Button button = new Button("Re-send");
    button.addThemeVariants(ButtonVariant.LUMO_SMALL);
    button.addClickListener(
        click -> {
          boolean queued = history.resend(dead.get().id());
          Notification.show(queued ? "Queued for one more attempt" : "Not dead any more");
          grid.getDataProvider().refreshAll();
        });
    return button;
  }

  /** The outbox status, or "no channel" for an SLO without one. */
  private static String delivery(Entry entry) {
    return entry.notification().map(n -> n.status().name()).orElse("no channel");
  }
}
