package dev.meerkat.dashboard.traces.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.meerkat.dashboard.traces.service.TraceService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.dashboard.ui.PathSegment;
import dev.meerkat.dashboard.ui.time.Interval;
import dev.meerkat.dashboard.ui.time.Preset;
import dev.meerkat.dashboard.ui.time.TimePicker;
import dev.meerkat.dashboard.ui.time.TimeSelection;
import dev.meerkat.store.query.TraceSummary;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;

/** Traces of one service in the picked time, newest first, in a lazily paged grid. */
@PermitAll
@Route(value = "traces/:service?", layout = MainLayout.class)
@PageTitle("Traces | Meerkat")
public final class TracesView extends VerticalLayout implements BeforeEnterObserver {

  private final TraceService traces;
  private final Clock clock;
  private final TimePicker time;
  private final ComboBox<String> service = createServiceSelect();
  private final Grid<TraceSummary> grid = createGrid();
  private QueryParameters query = QueryParameters.empty();

  public TracesView(TraceService traces, Clock clock) {
    this.traces = traces;
    this.clock = clock;
    this.time = new TimePicker(clock);
    time.addSelectionListener(
        selection -> navigate(service.getValue(), selection.mergeInto(query)));
    time.addRefreshListener(() -> showTraces(service.getValue()));
    setSizeFull();
    service.setItems(traces.services());
    add(new H2("Traces"), time, service, grid);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    // Vaadin encodes the value in the links it builds but hands it over still encoded.
    String selected =
        event.getRouteParameters().get("service").map(PathSegment::decode).orElse(null);
    query = event.getLocation().getQueryParameters();
    time.setSelection(TimeSelection.read(query, Preset.ONE_DAY));
    service.setValue(selected);
    showTraces(selected);
  }

  private void navigate(String serviceName, QueryParameters target) {
    RouteParameters route =
        serviceName == null ? RouteParameters.empty() : new RouteParameters("service", serviceName);
    getUI().ifPresent(ui -> ui.navigate(TracesView.class, route, target));
  }

  private ComboBox<String> createServiceSelect() {
    ComboBox<String> combo = new ComboBox<>("Service");
    combo.setId("service");
    combo.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            navigate(e.getValue(), query);
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

  /** The grid's pages all cover the instants resolved here, so scrolling never shifts rows. */
  private void showTraces(String serviceName) {
    if (serviceName == null) {
      grid.setItems(List.of());
      return;
    }
    Interval interval = time.getSelection().window().resolve(clock.instant());
    grid.setItems(
        page ->
            traces
                .recentTraces(
                    serviceName, interval.from(), interval.to(), page.getOffset(), page.getLimit())
                .stream());
  }
}
