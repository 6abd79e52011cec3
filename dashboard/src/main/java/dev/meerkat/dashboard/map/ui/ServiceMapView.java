package dev.meerkat.dashboard.map.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.map.service.ServiceMapService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.dashboard.ui.PathSegment;
import dev.meerkat.dashboard.ui.time.Interval;
import dev.meerkat.dashboard.ui.time.Preset;
import dev.meerkat.dashboard.ui.time.TimePicker;
import dev.meerkat.dashboard.ui.time.TimeSelection;
import dev.meerkat.dashboard.ui.time.TimeWindow;
import dev.meerkat.store.query.graph.ServiceGraph;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.Locale;

/**
 * Service map: the services and the peers they called (databases, messaging, hosts) over the chosen
 * time, edges with rate, error rate and p99; a click on a service opens its service page; the wheel
 * zooms, dragging moves the map and "Reset view" puts it back. The time is in the URL (the time
 * picker's {@code range}, or {@code from}/{@code to}), so a link shows a colleague the same map.
 */
@PermitAll
@Route(value = "map", layout = MainLayout.class)
@PageTitle("Service map | Meerkat")
public final class ServiceMapView extends VerticalLayout implements BeforeEnterObserver {

  private final ServiceMapService maps;
  private final Clock clock;
  private final TimePicker picker;
  private final Paragraph message = new Paragraph();
  private final ServiceMapChart chart = new ServiceMapChart();
  private final HorizontalLayout viewControls = createViewControls();
  private QueryParameters query = QueryParameters.empty();

  public ServiceMapView(ServiceMapService maps, Clock clock) {
    this.maps = maps;
    this.clock = clock;
    this.picker = new TimePicker(clock);
    picker.addSelectionListener(
        selection ->
            getUI().ifPresent(ui -> ui.navigate(ServiceMapView.class, selection.mergeInto(query))));
    picker.addRefreshListener(this::load);
    message.setId("service-map-message");
    chart.onServiceClick(this::openService);
    setSizeFull();
    add(new H2("Service map"), picker, message, viewControls, chart);
  }

  private HorizontalLayout createViewControls() {
    Button reset = new Button("Reset view", e -> chart.resetView());
    reset.setId("map-reset-view");
    Span hint = new Span("Scroll over the map to zoom, drag it to move.");
    hint.getStyle().set("color", "var(--lumo-secondary-text-color)");
    HorizontalLayout controls = new HorizontalLayout(reset, hint);
    controls.setAlignItems(FlexComponent.Alignment.CENTER);
    return controls;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    query = event.getLocation().getQueryParameters();
    picker.setSelection(TimeSelection.read(query, Preset.ONE_HOUR));
    load();
  }

  private void load() {
    TimeWindow window = picker.getSelection().window();
    Interval interval = window.resolve(clock.instant());
    ServiceGraph graph = maps.graph(interval.from(), interval.to());
    String when = describe(window, interval);
    boolean empty = graph.nodes().isEmpty();
    // An empty canvas says nothing: explain instead.
    message.setText(
        empty
            ? "No service sent spans ("
                + when
                + "). Choose a longer time range, or attach the Meerkat agent to a service"
                + " (-javaagent:meerkat-agent.jar) and send it some requests."
            : graph.nodes().size()
                + " nodes, "
                + graph.edges().size()
                + " connections ("
                + when
                + "). Click a service to open its page.");
    chart.setVisible(!empty);
    viewControls.setVisible(!empty);
    chart.setGraph(graph);
  }

  private static String describe(TimeWindow window, Interval interval) {
    return switch (window) {
      case TimeWindow.Last last -> last.preset().label().toLowerCase(Locale.ROOT);
      case TimeWindow.Between between ->
          Formats.time(interval.from()) + " to " + Formats.time(interval.to());
    };
  }

  private void openService(String service) {
    getUI().ifPresent(ui -> ui.navigate("service/" + PathSegment.encode(service)));
  }
}
