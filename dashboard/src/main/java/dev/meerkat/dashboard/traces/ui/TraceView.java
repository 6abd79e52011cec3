package dev.meerkat.dashboard.traces.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.traces.domain.AttributeSearch;
import dev.meerkat.dashboard.traces.domain.CriticalPath;
import dev.meerkat.dashboard.traces.domain.TraceWaterfall;
import dev.meerkat.dashboard.traces.domain.WaterfallRow;
import dev.meerkat.dashboard.traces.service.TraceLogService;
import dev.meerkat.dashboard.traces.service.TraceService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.dashboard.ui.PathSegment;
import jakarta.annotation.security.PermitAll;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One trace: the waterfall with its critical path and exceptions, the trace's log lines beside it,
 * its spans (each linking to its service page, those whose attributes match the search marked in
 * the table and in the waterfall), and the selected span's exceptions, attributes, events and
 * links.
 */
@PermitAll
@Route(value = "trace/:traceId", layout = MainLayout.class)
@PageTitle("Trace | Meerkat")
public final class TraceView extends VerticalLayout implements BeforeEnterObserver {

  /** Marks, in the spans table, a span whose attributes match the search. */
  static final String MATCH_MARK = "\u2714 match";

  private final TraceService traces;
  private final TraceLogService traceLogs;
  private final H2 title = new H2("Trace");
  private final WaterfallChart chart = new WaterfallChart();
  private final TraceLogPanel logs = new TraceLogPanel();
  private final TextField search = createSearch();
  private final Span searchResult = new Span();
  private final Grid<WaterfallRow> spans = createSpanGrid();
  private final SpanDetails details = new SpanDetails();
  private List<WaterfallRow> rows = List.of();
  private Map<String, Long> criticalNanos = Map.of();
  private Set<String> matching = Set.of();

  public TraceView(TraceService traces, TraceLogService traceLogs) {
    this.traces = traces;
    this.traceLogs = traceLogs;
    chart.onSpanClick(index -> spans.select(rows.get(index)));
    logs.onLineClick(this::selectSpan);
    searchResult.setId("trace-search-result");
    add(title, createWaterfallAndLogs(), search, searchResult, new H3("Spans"), spans, details);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String traceId = event.getRouteParameters().get("traceId").orElse("");
    title.setText("Trace " + traceId);
    traces.waterfall(traceId).ifPresentOrElse(this::show, () -> showMissing(traceId));
  }

  /** Side by side on a wide screen; the logs wrap under the waterfall on a narrow one. */
  private FlexLayout createWaterfallAndLogs() {
    Div waterfall = new Div(chart);
    waterfall.getStyle().set("flex", "3 1 640px").set("min-width", "0");
    logs.getStyle().set("flex", "2 1 360px").set("min-width", "0");
    FlexLayout layout = new FlexLayout(waterfall, logs);
    layout.setId("trace-body");
    layout.setFlexWrap(FlexLayout.FlexWrap.WRAP);
    layout.getStyle().set("gap", "var(--lumo-space-m)");
    layout.setWidthFull();
    return layout;
  }

  private TextField createSearch() {
    TextField field = new TextField("Search the attributes of every span");
    field.setId("trace-search");
    field.setPlaceholder("key or value");
    field.setClearButtonVisible(true);
    field.setValueChangeMode(ValueChangeMode.LAZY);
    field.setWidth("24em");
    field.addValueChangeListener(e -> markMatches(AttributeSearch.of(e.getValue())));
    return field;
  }

  private Grid<WaterfallRow> createSpanGrid() {
    Grid<WaterfallRow> grid = new Grid<>();
    grid.setId("spans-grid");
    grid.addColumn(r -> "\u00a0".repeat(r.depth() * 3) + r.span().name())
        .setHeader("Span")
        .setFlexGrow(3);
    grid.addComponentColumn(TraceView::serviceLink).setHeader("Service");
    grid.addColumn(r -> r.span().kind()).setHeader("Kind");
    grid.addColumn(r -> Formats.millis(r.offsetMillis())).setHeader("Offset");
    grid.addColumn(r -> Formats.millis(r.durationMillis())).setHeader("Duration");
    grid.addColumn(this::criticalPathText).setHeader("On critical path");
    grid.addColumn(r -> r.span().status()).setHeader("Status");
    grid.addColumn(r -> matching.contains(r.span().spanId()) ? MATCH_MARK : "")
        .setHeader("Search")
        .setWidth("8em") // not auto: the column is empty when the width is measured
        .setFlexGrow(0);
    grid.setAllRowsVisible(true);
    grid.addSelectionListener(e -> details.show(e.getFirstSelectedItem().orElse(null)));
    return grid;
  }

  private static Anchor serviceLink(WaterfallRow row) {
    String service = row.span().service();
    Anchor link = new Anchor("service/" + PathSegment.encode(service), service);
    link.addClassName("service-link");
    return link;
  }

  /** How long the span's own time lies on the critical path; empty when it is not on it. */
  private String criticalPathText(WaterfallRow row) {
    Long nanos = criticalNanos.get(row.span().spanId());
    return nanos == null ? "" : Formats.millis(nanos / 1e6);
  }

  private void show(TraceWaterfall waterfall) {
    rows = waterfall.rows();
    criticalNanos = nanosPerSpan(waterfall.criticalPath());
    chart.setWaterfall(waterfall);
    spans.setItems(rows);
    Map<String, String> names = new HashMap<>();
    rows.forEach(r -> names.putIfAbsent(r.span().spanId(), r.span().name()));
    logs.show(
        traceLogs.logsOf(waterfall),
        names,
        rows.stream().map(r -> r.span().start()).min(Instant::compareTo).orElse(Instant.EPOCH));
    if (!rows.isEmpty()) {
      spans.select(rows.getFirst());
    }
  }

  private static Map<String, Long> nanosPerSpan(CriticalPath path) {
    Map<String, Long> nanos = new LinkedHashMap<>();
    path.segments().forEach(s -> nanos.merge(s.spanId(), s.endNanos() - s.startNanos(), Long::sum));
    return nanos;
  }

  private void markMatches(AttributeSearch query) {
    List<WaterfallRow> matched = rows.stream().filter(r -> query.matchesAnyOf(r.span())).toList();
    matching = matched.stream().map(r -> r.span().spanId()).collect(Collectors.toUnmodifiableSet());
    spans.getDataProvider().refreshAll();
    String count = matching.size() + " of " + rows.size() + " spans match";
    chart.setMatches(
        matched.stream().map(r -> r.span().spanId()).distinct().toList(),
        query.isBlank() ? "" : count);
    searchResult.setText(
        query.isBlank()
            ? ""
            : matched.isEmpty()
                ? "No span's attributes match."
                : count
                    + ": "
                    + matched.stream().map(r -> r.span().name()).collect(Collectors.joining(", ")));
  }

  private void selectSpan(String spanId) {
    rows.stream()
        .filter(r -> r.span().spanId().equals(spanId))
        .findFirst()
        .ifPresent(spans::select);
  }

  private void showMissing(String traceId) {
    rows = List.of();
    spans.setItems(rows);
    add(new Paragraph("No trace with id " + traceId + " was found."));
  }
}
