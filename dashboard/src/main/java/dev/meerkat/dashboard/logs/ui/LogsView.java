package dev.meerkat.dashboard.logs.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import dev.meerkat.dashboard.logs.domain.LogLevel;
import dev.meerkat.dashboard.logs.domain.LogSearch;
import dev.meerkat.dashboard.logs.service.LogService;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.dashboard.ui.TraceIds;
import dev.meerkat.dashboard.ui.time.Interval;
import dev.meerkat.dashboard.ui.time.Preset;
import dev.meerkat.dashboard.ui.time.TimePicker;
import dev.meerkat.dashboard.ui.time.TimeSelection;
import dev.meerkat.store.query.log.LogEntry;
import dev.meerkat.store.query.log.LogPage;
import dev.meerkat.store.query.log.LogQuery;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Log search by service, lowest severity, message text and trace id over the picked time, newest
 * first, a page at a time ("Show more"). Each correlated line links to its trace. Auto-refresh runs
 * the search again and loads as many pages as reach back to the oldest line shown, so lines loaded
 * with "Show more" stay, and keeps a link's problem on screen.
 */
@PermitAll
@Route(value = "logs", layout = MainLayout.class)
@PageTitle("Logs | Meerkat")
public final class LogsView extends VerticalLayout implements BeforeEnterObserver {

  private final LogService logs;
  private final Clock clock;
  private final TimePicker time;
  private final ComboBox<String> service = createServiceFilter();
  private final Select<LogLevel> level = createLevelFilter();
  private final TextField text = createTextField("Message contains", "log-text");
  private final TextField traceId = createTextField("Trace id", "log-trace-id");
  private final Span problem = createProblem();
  private final LogGrid grid = new LogGrid();
  private final Button more = createMoreButton();
  private final List<LogEntry> shown = new ArrayList<>();
  private LogQuery query;
  private Optional<String> nextCursor = Optional.empty();

  /** What was wrong with the link the page was opened with, until the user searches anew. */
  private Optional<String> linkProblem = Optional.empty();

  public LogsView(LogService logs, Clock clock) {
    this.logs = logs;
    this.clock = clock;
    this.time = new TimePicker(clock);
    time.addSelectionListener(selection -> searchAndKeepInUrl());
    time.addRefreshListener(this::refresh);
    setSizeFull();
    service.setItems(logs.services());
    add(new H2("Logs"), time, createFilters(), problem, grid, more);
  }

  /** A link's query parameters fill the filters, then the search runs. */
  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    QueryParameters query = event.getLocation().getQueryParameters();
    LogsLink link = LogsLink.read(query);
    time.setSelection(TimeSelection.read(query, Preset.ONE_HOUR));
    service.setValue(link.service().orElse(null));
    level.setValue(link.level());
    text.setValue(link.text().orElse(""));
    traceId.setValue(link.traceId().orElse(""));
    linkProblem = link.problem();
    search();
  }

  private Div createFilters() {
    Button apply = new Button("Search", e -> searchAndKeepInUrl());
    apply.setId("log-search");
    apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    // A plain flex row: HorizontalLayout is not in the committed production bundle.
    Div filters = new Div(service, level, text, traceId, apply);
    // Scoped to the filters, so Enter in the header's trace-id box does not search.
    // Resetting focus commits the value of the field Enter was pressed in before the search runs.
    apply.addClickShortcut(Key.ENTER).listenOn(filters).resetFocusOnActiveElement();
    filters
        .getStyle()
        .set("display", "flex")
        .set("flex-wrap", "wrap")
        .set("align-items", "baseline")
        .set("gap", "var(--lumo-space-m)");
    return filters;
  }

  private static ComboBox<String> createServiceFilter() {
    ComboBox<String> combo = new ComboBox<>("Service");
    combo.setId("log-service");
    combo.setAllowCustomValue(true);
    combo.addCustomValueSetListener(e -> combo.setValue(e.getDetail()));
    combo.setClearButtonVisible(true);
    return combo;
  }

  private static Select<LogLevel> createLevelFilter() {
    Select<LogLevel> select = new Select<>();
    select.setLabel("Severity at least");
    select.setId("log-level");
    select.setItems(LogLevel.values());
    select.setItemLabelGenerator(LogLevel::label);
    select.setValue(LogLevel.ANY);
    return select;
  }

  private static TextField createTextField(String label, String id) {
    TextField field = new TextField(label);
    field.setId(id);
    field.setClearButtonVisible(true);
    return field;
  }

  private static Span createProblem() {
    Span span = new Span();
    span.setId("log-problem");
    span.getStyle().set("color", "var(--lumo-error-text-color)");
    return span;
  }

  private Button createMoreButton() {
    Button button = new Button("Show more", e -> showMore());
    button.setId("log-more");
    button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    button.setVisible(false);
    return button;
  }

  private void search() {
    Optional<String> trace = Optional.empty();
    if (!traceId.getValue().isBlank()) {
      trace = TraceIds.parse(traceId.getValue());
      if (trace.isEmpty()) {
        problem.setText("Trace id: " + TraceIds.FORMAT + " (0-9, a-f).");
        return;
      }
    }
    problem.setText(linkProblem.orElse(""));
    Interval interval = time.getSelection().window().resolve(clock.instant());
    LogSearch search =
        new LogSearch(
            interval.from(),
            interval.to(),
            Optional.ofNullable(service.getValue()),
            level.getValue(),
            Optional.of(text.getValue()),
            trace);
    query = logs.query(search);
    shown.clear();
    show(logs.page(query));
  }

  /** The URL says what is shown, so a copied link shows a colleague the same search. */
  private void searchAndKeepInUrl() {
    // The filters now say what is shown, so the link's problem no longer applies.
    linkProblem = Optional.empty();
    search();
    QueryParameters filters =
        LogsLink.write(service.getValue(), level.getValue(), text.getValue(), traceId.getValue());
    String path =
        RouteConfiguration.forSessionScope().getUrl(LogsView.class)
            + "?"
            + time.getSelection().mergeInto(filters).getQueryString();
    getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null, path));
  }

  /**
   * The search again, with pages loaded until they reach back to the oldest line shown before, so
   * newer lines come on top and none of the lines loaded with "Show more" go. (Lines at the very
   * instant of that oldest line that fall on the next page stay behind "Show more".)
   */
  private void refresh() {
    Optional<Instant> oldestShown =
        shown.isEmpty() ? Optional.empty() : Optional.of(shown.getLast().time());
    search();
    oldestShown.ifPresent(this::showMoreUntil);
  }

  private void showMoreUntil(Instant oldest) {
    while (nextCursor.isPresent() && !shown.isEmpty() && shown.getLast().time().isAfter(oldest)) {
      showMore();
    }
  }

  private void showMore() {
    nextCursor.ifPresent(cursor -> show(logs.page(query.withCursor(cursor))));
  }

  private void show(LogPage page) {
    shown.addAll(page.logs());
    nextCursor = page.nextCursor();
    grid.setItems(List.copyOf(shown));
    more.setVisible(nextCursor.isPresent());
  }
}
