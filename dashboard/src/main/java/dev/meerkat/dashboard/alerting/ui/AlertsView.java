package dev.meerkat.dashboard.alerting.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.alerting.service.AlertHistoryService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.store.slo.AlertEvent;
import java.util.Locale;

/** History of SLO alert state changes and how their notifications went. */
@Route(value = "alerts", layout = MainLayout.class)
@PageTitle("Alerts | Meerkat")
public final class AlertsView extends VerticalLayout {

  private final AlertHistoryService history;

  public AlertsView(AlertHistoryService history) {
    this.history = history;
    setSizeFull();
    add(new H2("Alert history"), createGrid());
  }

  private Grid<AlertEvent> createGrid() {
    Grid<AlertEvent> grid = new Grid<>();
    grid.setId("alerts-grid");
    grid.addColumn(e -> Formats.time(e.eventTime())).setHeader("Time").setAutoWidth(true);
    grid.addColumn(AlertEvent::sloName).setHeader("SLO").setFlexGrow(2);
    grid.addColumn(AlertEvent::service).setHeader("Service");
    grid.addColumn(e -> e.state().name()).setHeader("State");
    grid.addColumn(e -> String.format(Locale.ROOT, "%.2f", e.burnRate())).setHeader("Burn rate");
    grid.addColumn(AlertEvent::deliveryStatus).setHeader("Delivery");
    grid.addColumn(AlertEvent::deliveryDetail).setHeader("Detail").setFlexGrow(2);
    grid.setItems(query -> history.history(query.getOffset(), query.getLimit()).stream());
    grid.setSizeFull();
    return grid;
  }
}
