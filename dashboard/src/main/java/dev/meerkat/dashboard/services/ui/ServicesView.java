package dev.meerkat.dashboard.services.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import dev.meerkat.dashboard.services.domain.Apdex;
import dev.meerkat.dashboard.services.domain.ServiceOverview;
import dev.meerkat.dashboard.services.service.ServiceOverviewService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.dashboard.ui.PathSegment;
import dev.meerkat.dashboard.ui.time.Interval;
import dev.meerkat.dashboard.ui.time.Preset;
import dev.meerkat.dashboard.ui.time.TimePicker;
import dev.meerkat.dashboard.ui.time.TimeSelection;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Every service's request rate with a sparkline, errors, Apdex and latency, sortable by each; the
 * name links to the service page, selecting a row shows its latency chart. The window is in the URL
 * ({@code ?range=1h} or {@code from}/{@code to}, and {@code refresh}), set by the time picker.
 */
@PermitAll
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "services", layout = MainLayout.class)
@PageTitle("Services | Meerkat")
public final class ServicesView extends VerticalLayout implements BeforeEnterObserver {

  private static final Preset DEFAULT_RANGE = Preset.FIFTEEN_MINUTES;

  private final ServiceOverviewService overview;
  private final Clock clock;
  private final TimePicker time;
  private QueryParameters query = QueryParameters.empty();
  private Interval window;
  private final TextField search = createSearch();
  private final Grid<ServiceOverview> grid = createGrid();
  private final Div empty = createEmptyState();
  private final ServiceDetails details;

  public ServicesView(ServiceOverviewService overview, Clock clock) {
    this.overview = overview;
    this.clock = clock;
    this.time = createTimePicker();
    this.details = new ServiceDetails(overview::latency);
    setSizeFull();
    add(new H2("Services"), time, search, grid, empty, details);
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
  private boolean matchesSearch(ServiceOverview service) {
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

  /** The window and auto-refresh from the URL ({@code range}, {@code from}/{@code to}). */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    query = event.getLocation().getQueryParameters();
    time.setSelection(TimeSelection.read(query, DEFAULT_RANGE));
    refresh();
  }

  private TimePicker createTimePicker() {
    TimePicker picker = new TimePicker(clock);
    picker.addSelectionListener(
        selection -> UI.getCurrent().navigate(ServicesView.class, selection.mergeInto(query)));
    picker.addRefreshListener(this::refresh);
    return picker;
  }

  private Grid<ServiceOverview> createGrid() {
    MissingLastGrid<ServiceOverview> services = new MissingLastGrid<>();
    services.setId("services-grid");
    services.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
    services
        .addComponentColumn(ServicesView::serviceLink)
        .setHeader("Service")
        .setComparator(ServiceOverview::service)
        .setFlexGrow(2);
    services
        .addNumberColumn(
            s -> s.red().requestsPerSecond(), s -> Formats.rate(s.red().requestsPerSecond()))
        .setHeader("Req/s");
    services
        .addComponentColumn(s -> new Html(SparklineSvg.render(s.service(), s.traffic())))
        .setHeader("Requests")
        .setWidth(SparklineSvg.WIDTH + 32 + "px")
        .setFlexGrow(0);
    services
        .addNumberColumn(ServicesView::errorRatio, s -> Formats.percent(errorRatio(s)))
        .setHeader("Errors");
    services.addNumberColumn(s -> s.apdex().score(), ServicesView::apdex).setHeader("Apdex [T]");
    services
        .addNumberColumn(s -> s.red().p50Millis(), s -> Formats.millis(s.red().p50Millis()))
        .setHeader("p50");
    services
        .addNumberColumn(s -> s.red().p95Millis(), s -> Formats.millis(s.red().p95Millis()))
        .setHeader("p95");
    services
        .addNumberColumn(s -> s.red().p99Millis(), s -> Formats.millis(s.red().p99Millis()))
        .setHeader("p99");
    services.setAllRowsVisible(true);
    services.addSelectionListener(e -> showDetails(e.getFirstSelectedItem().orElse(null)));
    return services;
  }

  /** The service page, linked by URL so this view does not depend on it. */
  private static Anchor serviceLink(ServiceOverview service) {
    Anchor link = new Anchor("service/" + PathSegment.encode(service.service()), service.service());
    link.addClassName("service-link");
    // A long name ends in an ellipsis before the cell's end, so a click beside it still selects
    // the row (and shows its latency chart) instead of always leaving the page.
    link.getStyle()
        .set("display", "inline-block")
        .set("max-width", "calc(100% - 1.5em)")
        .set("overflow", "hidden")
        .set("text-overflow", "ellipsis")
        .set("vertical-align", "bottom");
    return link;
  }

  /** NaN without requests, so the column sorts it last. */
  private static double errorRatio(ServiceOverview service) {
    return service.red().hasRequests() ? service.red().errorRatio() : Double.NaN;
  }

  /** The score with two decimals and its threshold: {@code 0.94 [500 ms]}. */
  static String apdex(ServiceOverview service) {
    Apdex apdex = service.apdex();
    String threshold = "[" + apdex.threshold().toMillis() + " ms]";
    return Double.isFinite(apdex.score())
        ? String.format(Locale.ROOT, "%.2f %s", apdex.score(), threshold)
        : Formats.NONE + " " + threshold;
  }

  private void refresh() {
    window = time.getSelection().window().resolve(clock.instant());
    List<ServiceOverview> services = overview.overview(window.from(), window.to());
    GridListDataView<ServiceOverview> rows = grid.setItems(services);
    rows.setFilter(this::matchesSearch);
    grid.setVisible(!services.isEmpty());
    empty.setVisible(services.isEmpty());
    details.show(null, window.from(), window.to());
  }

  private void showDetails(ServiceOverview service) {
    details.show(service == null ? null : service.service(), window.from(), window.to());
  }
}
