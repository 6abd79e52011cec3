package dev.meerkat.dashboard.services.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import dev.meerkat.dashboard.services.domain.Endpoint;
import dev.meerkat.dashboard.services.domain.ServiceInstance;
import dev.meerkat.dashboard.services.domain.WeekRow;
import dev.meerkat.dashboard.services.service.ServicePageService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.PathSegment;
import dev.meerkat.store.query.ErrorGroup;
import dev.meerkat.store.query.TraceSummary;
import java.time.Instant;
import java.util.List;

/** The service page's tables: endpoints, slowest traces, top errors and instances. */
final class ServiceTables {

  private final Grid<Endpoint> endpoints = createEndpoints();
  private final Grid<TraceSummary> slowest = createSlowest();
  private final Grid<ErrorGroup> errors = createErrors();
  private final Grid<WeekRow> weeks = createWeeks();
  private final Grid<ServiceInstance> instances = createInstances();
  private final Paragraph noInstances =
      new Paragraph("No spans or metrics from this service in this window.");
  private String service = "";

  ServiceTables() {
    noInstances.setId("service-instances-none");
  }

  void addTo(HasComponents parent) {
    parent.add(new H3("Endpoints"), endpoints);
    parent.add(new H3("Slowest traces"), slowest);
    parent.add(new H3("Top errors"), errors);
    parent.add(new H3("Instances"), instances, noInstances);
    parent.add(new H3("Last " + ServicePageService.WEEKS + " weeks"), weeks);
  }

  void show(String service, ServicePageService page, Instant from, Instant to) {
    endpoints.setItems(page.endpoints(service, from, to));
    slowest.setItems(page.slowestRequests(service, from, to));
    errors.setItems(page.topErrors(service, from, to));
    this.service = service;
    List<ServiceInstance> seen = page.instances(service, from, to);
    instances.setItems(seen);
    instances.setVisible(!seen.isEmpty());
    noInstances.setVisible(seen.isEmpty());
    weeks.setItems(page.weeks(service));
  }

  private Grid<ServiceInstance> createInstances() {
    Grid<ServiceInstance> grid = grid("service-instances");
    grid.addComponentColumn(this::instance).setHeader("Instance").setFlexGrow(3);
    grid.addColumn(i -> Formats.rate(i.requests())).setHeader("Requests");
    grid.addColumn(i -> Formats.percent(i.errorRatio())).setHeader("Errors");
    grid.addColumn(i -> Formats.time(i.lastSeen())).setHeader("Last seen").setFlexGrow(2);
    return grid;
  }

  /**
   * The instance's name, a link to its JVM page when it sent metrics; otherwise plain text with a
   * note, since its JVM page would be empty (spans only: metrics exporter off, or not a JVM).
   */
  private Component instance(ServiceInstance instance) {
    String label = instance.id().isEmpty() ? "(no service.instance.id)" : instance.id();
    if (instance.jvmMetrics()) {
      return new Anchor(
          "jvm/" + PathSegment.encode(service) + "?instance=" + PathSegment.encode(instance.id()),
          label);
    }
    Span note = new Span(" (no JVM metrics)");
    note.getStyle().set("color", "var(--lumo-secondary-text-color)");
    return new Span(new Span(label), note);
  }

  private static <T> Grid<T> grid(String id) {
    Grid<T> grid = new Grid<>();
    grid.setId(id);
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static Grid<Endpoint> createEndpoints() {
    Grid<Endpoint> grid = grid("service-endpoints");
    grid.addColumn(e -> e.red().operation()).setHeader("Operation").setFlexGrow(3);
    grid.addColumn(e -> e.red().kind()).setHeader("Kind");
    grid.addColumn(e -> Formats.rate(e.red().perSecond())).setHeader("Rate (/s)");
    grid.addColumn(e -> Formats.percent(e.red().errorRatio())).setHeader("Errors");
    grid.addColumn(e -> Formats.millis(e.red().p50Millis())).setHeader("p50");
    grid.addColumn(e -> Formats.millis(e.red().p95Millis())).setHeader("p95");
    grid.addColumn(e -> Formats.millis(e.red().p99Millis())).setHeader("p99");
    grid.addColumn(e -> Formats.percent(e.shareOfTime())).setHeader("Share of time");
    return grid;
  }

  private static Grid<TraceSummary> createSlowest() {
    Grid<TraceSummary> grid = grid("service-slowest");
    grid.addComponentColumn(t -> traceLink(t.traceId())).setHeader("Trace").setFlexGrow(2);
    grid.addColumn(TraceSummary::name).setHeader("Operation").setFlexGrow(2);
    grid.addColumn(t -> Formats.millis(t.durationNanos() / 1e6)).setHeader("Duration");
    grid.addColumn(t -> Formats.time(t.start())).setHeader("Start").setFlexGrow(2);
    grid.addColumn(TraceSummary::status).setHeader("Status");
    return grid;
  }

  private static Grid<ErrorGroup> createErrors() {
    Grid<ErrorGroup> grid = grid("service-errors");
    grid.addColumn(e -> e.type().isEmpty() ? Formats.NONE : e.type()).setHeader("Type");
    grid.addColumn(e -> e.message().isEmpty() ? Formats.NONE : e.message())
        .setHeader("Message")
        .setFlexGrow(3);
    grid.addColumn(e -> Formats.rate(e.requests())).setHeader("Requests");
    grid.addComponentColumn(ServiceTables::examples).setHeader("Example traces").setFlexGrow(2);
    return grid;
  }

  private static Grid<WeekRow> createWeeks() {
    Grid<WeekRow> grid = grid("service-weeks");
    grid.addColumn(WeekRow::label).setHeader("Week");
    grid.addColumn(w -> Formats.time(w.start())).setHeader("From").setFlexGrow(2);
    grid.addColumn(w -> Formats.rate(w.requests())).setHeader("Requests");
    grid.addColumn(w -> w.requests() > 0 ? Formats.percent(w.errorRatio()) : Formats.NONE)
        .setHeader("Errors");
    grid.addColumn(w -> Formats.millis(w.p95Millis())).setHeader("p95");
    grid.addColumn(w -> Formats.millis(w.p99Millis())).setHeader("p99");
    grid.addComponentColumn(ServiceTables::violations).setHeader("SLOs violated").setFlexGrow(2);
    return grid;
  }

  /** The violated SLOs' names in the error colour, so violated weeks stand out. */
  private static Component violations(WeekRow week) {
    Span names = new Span(String.join(", ", week.violatedSlos()));
    names.getStyle().set("color", "var(--lumo-error-text-color)");
    return names;
  }

  private static Component examples(ErrorGroup group) {
    Span span = new Span();
    for (String traceId : group.exampleTraceIds()) {
      span.add(traceLink(traceId), new Span(" "));
    }
    return span;
  }

  private static Anchor traceLink(String traceId) {
    return new Anchor("trace/" + PathSegment.encode(traceId), traceId);
  }
}
