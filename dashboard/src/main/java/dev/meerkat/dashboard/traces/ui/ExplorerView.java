package dev.meerkat.dashboard.traces.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.meerkat.dashboard.traces.domain.TraceSearch;
import dev.meerkat.dashboard.traces.service.TraceService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.dashboard.ui.time.Interval;
import dev.meerkat.dashboard.ui.time.Preset;
import dev.meerkat.dashboard.ui.time.TimePicker;
import dev.meerkat.dashboard.ui.time.TimeSelection;
import dev.meerkat.store.query.TraceOverview;
import dev.meerkat.store.query.TracePage;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Trace explorer: search traces by service, operation, duration, status, attributes and time range;
 * the results as a duration-over-time scatter plot and a grid, paged by the store's cursor. The
 * whole search lives in the URL's query parameters, so a link shows a colleague the same results.
 */
@PermitAll
@Route(value = "explore", layout = MainLayout.class)
@PageTitle("Trace explorer | Meerkat")
public final class ExplorerView extends VerticalLayout implements BeforeEnterObserver {

  private final TraceService traces;
  private final Clock clock;
  private final ExplorerForm form;
  private final TimePicker time;
  private final Paragraph message = new Paragraph();
  private final ScatterChart scatter = new ScatterChart();
  private final Grid<TraceOverview> grid = createGrid();
  private final Button firstPage = new Button("First page");
  private final Button nextPage = new Button("Next page");
  private TraceSearch search = TraceSearch.empty();
  private String nextCursor = "";

  public ExplorerView(TraceService traces, Clock clock) {
    this.traces = traces;
    this.clock = clock;
    this.form = new ExplorerForm(traces.services(), this::navigateTo);
    this.time = new TimePicker(clock);
    time.addSelectionListener(selection -> navigateTo(search.firstPage().toParameters()));
    time.addRefreshListener(this::showResults);
    message.setId("explorer-message");
    firstPage.setId("explorer-first-page");
    firstPage.addClickListener(e -> navigateTo(search.firstPage().toParameters()));
    nextPage.setId("explorer-next-page");
    nextPage.addClickListener(e -> navigateTo(search.withCursor(nextCursor).toParameters()));
    scatter.onTraceClick(this::openTrace);
    setSizeFull();
    add(new H2("Trace explorer"), createOpenById(), time, form, createPaging(), scatter, grid);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    QueryParameters query = event.getLocation().getQueryParameters();
    search = TraceSearch.fromParameters(query.getParameters());
    form.show(search);
    time.setSelection(TimeSelection.read(query, Preset.ONE_HOUR));
    showResults();
  }

  /** Runs the search over the picked time as of now: on entering and on every auto-refresh. */
  private void showResults() {
    TracePage page = find(search);
    nextCursor = page.nextCursor().orElse("");
    grid.setItems(page.traces());
    scatter.setTraces(page.traces());
    firstPage.setEnabled(!search.cursor().isEmpty());
    nextPage.setEnabled(!nextCursor.isEmpty());
  }

  private TracePage find(TraceSearch wanted) {
    List<String> problems = wanted.problems();
    try {
      Interval interval = time.getSelection().window().resolve(clock.instant());
      TracePage page = traces.search(wanted.toQuery(interval.from(), interval.to()));
      message.setText(
          problems.isEmpty()
              ? page.traces().size()
                  + " traces"
                  + (wanted.cursor().isEmpty() ? "" : " (later page)")
              : "Ignored: " + String.join("; ", problems));
      return page;
    } catch (IllegalArgumentException e) {
      // The store refuses a cursor it did not make (an edited or outdated link).
      message.setText("This page link is no longer valid: search again from the first page.");
      return new TracePage(List.of(), Optional.empty());
    }
  }

  /** Above the results: the 50 rows of a page would push buttons below them out of sight. */
  private HorizontalLayout createPaging() {
    HorizontalLayout paging = new HorizontalLayout(message, firstPage, nextPage);
    paging.setAlignItems(Alignment.BASELINE);
    return paging;
  }

  private HorizontalLayout createOpenById() {
    TextField traceId = new TextField();
    traceId.setId("explorer-trace-id");
    traceId.setPlaceholder("Open a trace by id");
    Button open =
        new Button("Open", e -> openTrace(traceId.getValue().strip().toLowerCase(Locale.ROOT)));
    open.setId("explorer-open-trace");
    return new HorizontalLayout(traceId, open);
  }

  private Grid<TraceOverview> createGrid() {
    Grid<TraceOverview> results = new Grid<>();
    results.setId("explorer-grid");
    results.addColumn(t -> Formats.time(t.start())).setHeader("Start").setAutoWidth(true);
    results.addColumn(TraceOverview::rootService).setHeader("Service");
    results.addColumn(TraceOverview::rootOperation).setHeader("Root operation").setFlexGrow(2);
    results.addColumn(t -> Formats.millis(t.durationNanos() / 1e6)).setHeader("Duration");
    results.addColumn(TraceOverview::spanCount).setHeader("Spans");
    results.addColumn(t -> t.error() ? "error" : "ok").setHeader("Status");
    results.addColumn(TraceOverview::traceId).setHeader("Trace id").setAutoWidth(true);
    results.addItemClickListener(e -> openTrace(e.getItem().traceId()));
    results.setAllRowsVisible(true);
    return results;
  }

  /**
   * Shows the search and the picked time in the URL (empty fields left out) and runs it through
   * beforeEnter.
   */
  private void navigateTo(Map<String, List<String>> parameters) {
    Map<String, List<String>> set = new LinkedHashMap<>();
    parameters.forEach(
        (name, values) -> {
          List<String> given = values.stream().filter(v -> !v.isBlank()).toList();
          if (!given.isEmpty()) {
            set.put(name, given);
          }
        });
    QueryParameters query = time.getSelection().mergeInto(new QueryParameters(set));
    getUI().ifPresent(ui -> ui.navigate(ExplorerView.class, query));
  }

  private void openTrace(String traceId) {
    if (!traceId.isEmpty()) {
      getUI()
          .ifPresent(ui -> ui.navigate(TraceView.class, new RouteParameters("traceId", traceId)));
    }
  }
}
