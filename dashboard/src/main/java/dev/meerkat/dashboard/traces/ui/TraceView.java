package dev.meerkat.dashboard.traces.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.meerkat.dashboard.traces.domain.TraceWaterfall;
import dev.meerkat.dashboard.traces.domain.WaterfallRow;
import dev.meerkat.dashboard.traces.service.TraceService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.store.query.SpanEventDetail;
import dev.meerkat.store.query.SpanLinkDetail;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One trace: waterfall chart, its spans, and the attributes, events and links of the selected span.
 */
@PermitAll
@Route(value = "trace/:traceId", layout = MainLayout.class)
@PageTitle("Trace | Meerkat")
public final class TraceView extends VerticalLayout implements BeforeEnterObserver {

  private final TraceService traces;
  private final H2 title = new H2("Trace");
  private final WaterfallChart chart = new WaterfallChart();
  private final Grid<WaterfallRow> spans = createSpanGrid();
  private final Grid<Map.Entry<String, String>> attributes = createAttributeGrid();
  private final Grid<SpanEventDetail> events = createEventGrid();
  private final Grid<SpanLinkDetail> links = createLinkGrid();
  private WaterfallRow selected;
  private List<WaterfallRow> rows = List.of();

  public TraceView(TraceService traces) {
    this.traces = traces;
    chart.onSpanClick(index -> spans.select(rows.get(index)));
    add(
        title,
        chart,
        new H3("Spans"),
        spans,
        new H3("Attributes of the selected span"),
        attributes,
        new H3("Events of the selected span"),
        events,
        new H3("Links of the selected span"),
        links);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    String traceId = event.getRouteParameters().get("traceId").orElse("");
    title.setText("Trace " + traceId);
    traces.waterfall(traceId).ifPresentOrElse(this::show, () -> showMissing(traceId));
  }

  private Grid<WaterfallRow> createSpanGrid() {
    Grid<WaterfallRow> grid = new Grid<>();
    grid.setId("spans-grid");
    grid.addColumn(r -> "\u00a0".repeat(r.depth() * 3) + r.span().name())
        .setHeader("Span")
        .setFlexGrow(3);
    grid.addColumn(r -> r.span().service()).setHeader("Service");
    grid.addColumn(r -> r.span().kind()).setHeader("Kind");
    grid.addColumn(r -> Formats.millis(r.offsetMillis())).setHeader("Offset");
    grid.addColumn(r -> Formats.millis(r.durationMillis())).setHeader("Duration");
    grid.addColumn(r -> r.span().status()).setHeader("Status");
    grid.setAllRowsVisible(true);
    grid.addSelectionListener(e -> showAttributes(e.getFirstSelectedItem().orElse(null)));
    return grid;
  }

  private Grid<Map.Entry<String, String>> createAttributeGrid() {
    Grid<Map.Entry<String, String>> grid = new Grid<>();
    grid.setId("attributes-grid");
    grid.addColumn(Map.Entry::getKey).setHeader("Attribute");
    grid.addColumn(Map.Entry::getValue).setHeader("Value").setFlexGrow(3);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private Grid<SpanEventDetail> createEventGrid() {
    Grid<SpanEventDetail> grid = new Grid<>();
    grid.setId("events-grid");
    grid.addColumn(e -> selected == null ? "" : Formats.millis(selected.millisIntoSpan(e)))
        .setHeader("Into span");
    grid.addColumn(SpanEventDetail::name).setHeader("Event");
    grid.addColumn(e -> joined(e.attributes())).setHeader("Attributes").setFlexGrow(4);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private Grid<SpanLinkDetail> createLinkGrid() {
    Grid<SpanLinkDetail> grid = new Grid<>();
    grid.setId("links-grid");
    grid.addComponentColumn(
            link ->
                new RouterLink(
                    link.traceId(),
                    TraceView.class,
                    new RouteParameters("traceId", link.traceId())))
        .setHeader("Linked trace")
        .setFlexGrow(2);
    grid.addColumn(SpanLinkDetail::spanId).setHeader("Linked span");
    grid.addColumn(link -> joined(link.attributes())).setHeader("Attributes").setFlexGrow(3);
    grid.setAllRowsVisible(true);
    return grid;
  }

  /** {@code key=value} pairs in recorded order, as text (the grid escapes it). */
  private static String joined(Map<String, String> attributes) {
    return attributes.entrySet().stream()
        .map(entry -> entry.getKey() + "=" + entry.getValue())
        .collect(Collectors.joining(", "));
  }

  private void show(TraceWaterfall waterfall) {
    rows = waterfall.rows();
    chart.setWaterfall(waterfall);
    spans.setItems(rows);
    if (!rows.isEmpty()) {
      spans.select(rows.getFirst());
    }
  }

  private void showMissing(String traceId) {
    rows = List.of();
    spans.setItems(rows);
    add(new Paragraph("No trace with id " + traceId + " was found."));
  }

  private void showAttributes(WaterfallRow row) {
    selected = row;
    if (row == null) {
      attributes.setItems(List.of());
      events.setItems(List.of());
      links.setItems(List.of());
      return;
    }
    events.setItems(row.span().events());
    links.setItems(row.span().links());
    Map<String, String> all = new java.util.LinkedHashMap<>();
    all.put("service", row.span().service());
    all.put("span id", row.span().spanId());
    all.put("parent span id", row.span().parentSpanId());
    if (!row.span().statusMessage().isEmpty()) {
      all.put("status message", row.span().statusMessage());
    }
    all.putAll(row.span().attributes());
    row.span().resource().forEach((k, v) -> all.put("resource." + k, v));
    attributes.setItems(List.copyOf(all.entrySet()));
  }
}
