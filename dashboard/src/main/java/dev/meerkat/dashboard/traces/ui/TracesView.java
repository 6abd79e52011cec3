package dev.meerkat.dashboard.traces.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.meerkat.dashboard.traces.service.TraceService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.dashboard.ui.PathSegment;
import dev.meerkat.store.query.TraceSummary;
import jakarta.annotation.security.PermitAll;

/** Recent traces of one service, newest first, in a lazily paged grid. */
@PermitAll
@Route(value = "traces/:service?", layout = MainLayout.class)
@PageTitle("Traces | Meerkat")
public final class TracesView extends VerticalLayout implements BeforeEnterObserver {

  private final TraceService traces;
  private final ComboBox<String> service = createServiceSelect();
  private final Grid<TraceSummary> grid = createGrid();

  public TracesView(TraceService traces) {
    this.traces = traces;
    setSizeFull();
    service.setItems(traces.services());
    add(new H2("Traces"), service, grid);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    // Vaadin encodes the value in the links it builds but hands it over still encoded.
    String selected =
        event.getRouteParameters().get("service").map(PathSegment::decode).orElse(null);
    service.setValue(selected);
    showTraces(selected);
  }

  private ComboBox<String> createServiceSelect() {
    ComboBox<String> combo = new ComboBox<>("Service");
    combo.setId("service");
    combo.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            TracesView.class,
                            e.getValue() == null
                                ? RouteParameters.empty()
                                : new RouteParameters("service", e.getValue())));
          }
        });
    return combo;
  }

  private Grid<TraceSummary> createGrid() {
    Grid<TraceSummary> traceGrid = new Grid<>();
    traceGrid.setId("traces-grid");
    traceGrid.setPageSize(50);
    traceGrid.addColumn(t -> Formats.time(t.start())).setHeader("Start").setAutoWidth(true);
    traceGrid.addColumn(TraceSummary::name).setHeader("Operation").setFlexGrow(2);
    traceGrid.addColumn(t -> Formats.millis(t.durationNanos() / 1e6)).setHeader("Duration");
    traceGrid.addColumn(TraceSummary::status).setHeader("Status");
    traceGrid.addColumn(TraceSummary::traceId).setHeader("Trace id").setAutoWidth(true);
    traceGrid.addItemClickListener(
        e ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            TraceView.class,
                            new RouteParameters("traceId", e.getItem().traceId()))));
    traceGrid.setSizeFull();
    return traceGrid;
  }

  private void showTraces(String serviceName) {
    if (serviceName == null) {
      grid.setItems(java.util.List.of());
      return;
    }
    grid.setItems(
        query -> traces.recentTraces(serviceName, query.getOffset(), query.getLimit()).stream());
  }
}
