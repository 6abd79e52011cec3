package dev.meerkat.dashboard.traces.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.meerkat.dashboard.traces.domain.AttributeSearch;
import dev.meerkat.dashboard.traces.domain.SpanException;
import dev.meerkat.dashboard.traces.domain.WaterfallRow;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.store.query.SpanEventDetail;
import dev.meerkat.store.query.SpanLinkDetail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The selected span: its exceptions first, then its attributes (filterable), events and links. */
final class SpanDetails extends VerticalLayout {

  private final H3 heading = new H3("Selected span");
  private final Div exceptions = new Div();
  private final TextField filter = new TextField();
  private final Grid<Map.Entry<String, String>> attributes = createAttributeGrid();
  private final Grid<SpanEventDetail> events = createEventGrid();
  private final Grid<SpanLinkDetail> links = createLinkGrid();
  private WaterfallRow selected;

  SpanDetails() {
    setPadding(false);
    exceptions.setId("span-exceptions");
    filter.setId("attribute-filter");
    filter.setPlaceholder("Filter attributes by key or value");
    filter.setClearButtonVisible(true);
    filter.setValueChangeMode(ValueChangeMode.EAGER);
    filter.addValueChangeListener(e -> showAttributes());
    add(
        heading,
        exceptions,
        new H3("Attributes of the selected span"),
        filter,
        attributes,
        new H3("Events of the selected span"),
        events,
        new H3("Links of the selected span"),
        links);
  }

  void show(WaterfallRow row) {
    selected = row;
    heading.setText(row == null ? "Selected span" : "Selected span: " + row.span().name());
    showExceptions();
    showAttributes();
    events.setItems(row == null ? List.of() : row.span().events());
    links.setItems(row == null ? List.of() : row.span().links());
  }

  private void showExceptions() {
    exceptions.removeAll();
    List<SpanException> thrown = selected == null ? List.of() : SpanException.of(selected.span());
    for (SpanException exception : thrown) {
      H4 headline = new H4(exception.headline());
      headline.addClassName("exception-headline");
      headline.getStyle().set("color", "var(--lumo-error-text-color)").set("margin", "0");
      Div box = new Div(headline);
      box.addClassName("span-exception");
      box.getStyle()
          .set("border-left", "4px solid var(--lumo-error-color)")
          .set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
          .set("background", "var(--lumo-error-color-10pct)")
          .set("margin-bottom", "var(--lumo-space-s)");
      if (!exception.stacktrace().isEmpty()) {
        Pre stacktrace = new Pre(exception.stacktrace());
        stacktrace.addClassName("exception-stacktrace");
        stacktrace.getStyle().set("max-height", "240px").set("overflow", "auto");
        box.add(stacktrace);
      }
      exceptions.add(box);
    }
  }

  private void showAttributes() {
    if (selected == null) {
      attributes.setItems(List.of());
      return;
    }
    Map<String, String> all = new LinkedHashMap<>();
    all.put("service", selected.span().service());
    all.put("span id", selected.span().spanId());
    all.put("parent span id", selected.span().parentSpanId());
    if (!selected.span().statusMessage().isEmpty()) {
      all.put("status message", selected.span().statusMessage());
    }
    all.putAll(selected.span().attributes());
    selected.span().resource().forEach((k, v) -> all.put("resource." + k, v));
    attributes.setItems(List.copyOf(AttributeSearch.of(filter.getValue()).filter(all).entrySet()));
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
}
