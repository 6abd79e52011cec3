package dev.meerkat.dashboard.alerting.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.alerting.domain.DeliveryStatus;
import dev.meerkat.dashboard.alerting.domain.OutboxEntry;
import dev.meerkat.dashboard.alerting.service.AlertHistoryService;
import dev.meerkat.dashboard.alerting.service.AlertHistoryService.Entry;
import dev.meerkat.dashboard.security.domain.Role;
import dev.meerkat.dashboard.security.service.CurrentUser;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Optional;

/** History of SLO alert state changes and how their notifications went. */
@PermitAll
@Route(value = "alerts", layout = MainLayout.class)
@PageTitle("Alerts | Meerkat")
public final class AlertsView extends VerticalLayout {

  private final AlertHistoryService history;

  public AlertsView(AlertHistoryService history) {
    this.history = history;
    setSizeFull();
    add(new H2("Alert history"), createGrid());
  }

  private Grid<Entry> createGrid() {
    Grid<Entry> grid = new Grid<>();
    grid.setId("alerts-grid");
    grid.addColumn(e -> Formats.time(e.event().eventTime())).setHeader("Time").setAutoWidth(true);
    grid.addColumn(e -> e.event().sloName()).setHeader("SLO").setFlexGrow(2);
    grid.addColumn(e -> e.event().service()).setHeader("Service");
    grid.addColumn(e -> e.event().severity()).setHeader("Severity");
    grid.addColumn(e -> e.event().state().name()).setHeader("State");
    grid.addColumn(e -> String.format(Locale.ROOT, "%.2f", e.event().burnRate()))
        .setHeader("Burn rate");
    grid.addColumn(AlertsView::delivery).setHeader("Delivery");
    grid.addColumn(e -> e.notification().map(OutboxEntry::attempts).orElse(0))
        .setHeader("Attempts");
    grid.addColumn(e -> e.notification().map(OutboxEntry::lastError).orElse(""))
        .setHeader("Last error")
        .setFlexGrow(2);
    grid.addComponentColumn(e -> resendButton(e, grid)).setHeader("").setAutoWidth(true);
    grid.setItems(query -> history.history(query.getOffset(), query.getLimit()).stream());
    grid.setSizeFull();
    return grid;
  }

  /** A dead notification can be sent once more, with the same idempotency key. */
  private Component resendButton(Entry entry, Grid<Entry> grid) {
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
