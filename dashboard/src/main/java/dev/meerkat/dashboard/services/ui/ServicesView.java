package dev.meerkat.dashboard.services.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.meerkat.dashboard.jvm.ui.JvmView;
import dev.meerkat.dashboard.services.domain.TimeRange;
import dev.meerkat.dashboard.services.service.ServiceOverviewService;
import dev.meerkat.dashboard.traces.ui.TracesView;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.store.query.ServiceSummary;
import jakarta.annotation.security.PermitAll;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/** Every service's request rate, errors and latency; a latency chart for the selected one. */
@PermitAll
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "services", layout = MainLayout.class)
@PageTitle("Services | Meerkat")
public final class ServicesView extends VerticalLayout {

  private final ServiceOverviewService overview;
  private final Select<TimeRange> range = createRangeSelect();
  private final TextField search = createSearch();
  private final Grid<ServiceSummary> grid = createGrid();
  private final Div empty = createEmptyState();
  private final Div details = createDetails();

  public ServicesView(ServiceOverviewService overview) {
    this.overview = overview;
    setSizeFull();
    add(new H2("Services"), new HorizontalLayout(range, search), grid, empty, details);
    refresh();
  }

  private TextField createSearch() {
    TextField field = new TextField("Search");
    field.setPlaceholder("service name");
    field.setClearButtonVisible(true);
    field.setValueChangeMode(ValueChangeMode.EAGER);
    field.addValueChangeListener(e -> grid.getListDataView().refreshAll());
    field.setId("service-search");
    return field;
  }

  /** Case-insensitive substring of the service name; a blank search keeps every row. */
  private boolean matchesSearch(ServiceSummary service) {
    String term = search.getValue().strip().toLowerCase(Locale.ROOT);
    return service.service().toLowerCase(Locale.ROOT).contains(term);
  }

  /**
   * Shown instead of the grid when no service sent spans in the window: how to attach the agent.
   */
  private static Div createEmptyState() {
    Div div = new Div();
    div.setId("services-empty");
    div.add(
        new Paragraph(
            "No service has sent spans in this window. Start your service with the Meerkat agent"
                + " (see \"Using the agent on your own service\" in the README):"),
        new Pre(
            """
            OTEL_SERVICE_NAME=<your service> \\
            OTEL_EXPORTER_OTLP_ENDPOINT=http://<collector>:4318 \\
            java -javaagent:meerkat-agent.jar -jar <your service>.jar"""));
    return div;
  }

  private Select<TimeRange> createRangeSelect() {
    Select<TimeRange> select = new Select<>();
    select.setLabel("Window");
    select.setItems(EnumSet.range(TimeRange.FIVE_MINUTES, TimeRange.ONE_DAY));
    select.setItemLabelGenerator(TimeRange::label);
    select.setValue(TimeRange.FIFTEEN_MINUTES);
    select.addValueChangeListener(e -> refresh());
    select.setId("window");
    return select;
  }

  private Grid<ServiceSummary> createGrid() {
    Grid<ServiceSummary> services = new Grid<>();
    services.setId("services-grid");
    services.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    services
        .addColumn(ServiceSummary::service)
        .setHeader("Service")
        .setSortable(true)
        .setFlexGrow(2);
    services
        .addColumn(s -> Formats.rate(s.requestsPerSecond()))
        .setHeader("Req/s")
        .setComparator(Comparator.comparingDouble(ServiceSummary::requestsPerSecond));
    services
        .addColumn(s -> s.hasRequests() ? Formats.percent(s.errorRatio()) : Formats.NONE)
        .setHeader("Errors")
        .setComparator(Comparator.comparingDouble(ServiceSummary::errorRatio));
    services.addColumn(s -> Formats.millis(s.p50Millis())).setHeader("p50");
    services.addColumn(s -> Formats.millis(s.p95Millis())).setHeader("p95");
    services.addColumn(s -> Formats.millis(s.p99Millis())).setHeader("p99");
    services.setAllRowsVisible(true);
    services.addSelectionListener(e -> showDetails(e.getFirstSelectedItem().orElse(null)));
    return services;
  }

  private Div createDetails() {
    Div div = new Div();
    div.setWidthFull();
    div.setId("service-details");
    return div;
  }

  private void refresh() {
    List<ServiceSummary> services = overview.services(range.getValue());
    GridListDataView<ServiceSummary> rows = grid.setItems(services);
    rows.setFilter(this::matchesSearch);
    grid.setVisible(!services.isEmpty());
    empty.setVisible(services.isEmpty());
    details.removeAll();
  }

  private void showDetails(ServiceSummary service) {
    details.removeAll();
    if (service == null) {
      return;
    }
    LatencyChart chart = new LatencyChart();
    chart.setSeries(overview.latency(service.service(), range.getValue()));
    RouterLink traces =
        new RouterLink(
            "Traces of " + service.service(),
            TracesView.class,
            new RouteParameters("service", service.service()));
    traces.setId("traces-link");
    RouterLink jvm =
        new RouterLink(
            "JVM of " + service.service(),
            JvmView.class,
            new RouteParameters("service", service.service()));
    jvm.setId("jvm-link");
    details.add(
        new H3("Latency of " + service.service() + " (p50, p99)"),
        chart,
        new HorizontalLayout(traces, jvm));
  }
}
