package dev.meerkat.dashboard.map.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.map.service.ServiceMapService;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.dashboard.ui.PathSegment;
import dev.meerkat.store.query.graph.ServiceGraph;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Service map: the services and the peers they called (databases, messaging, hosts) over the chosen
 * time, edges with rate, error rate and p99; a click on a service opens its service page. The time
 * range is in the URL ({@code ?range=1h}), so a link shows a colleague the same map.
 */
@PermitAll
@Route(value = "map", layout = MainLayout.class)
@PageTitle("Service map | Meerkat")
public final class ServiceMapView extends VerticalLayout implements BeforeEnterObserver {

  /** The time picker's presets; the shared TimePicker replaces this select once it lands. */
  static final Map<String, Duration> RANGES = ranges();

  private static final String DEFAULT_RANGE = "1h";

  private final ServiceMapService maps;
  private final Select<String> range = createRangeSelect();
  private final Paragraph message = new Paragraph();
  private final ServiceMapChart chart = new ServiceMapChart();

  public ServiceMapView(ServiceMapService maps) {
    this.maps = maps;
    message.setId("service-map-message");
    chart.onServiceClick(this::openService);
    setSizeFull();
    add(new H2("Service map"), range, message, chart);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    List<String> asked =
        event.getLocation().getQueryParameters().getParameters().getOrDefault("range", List.of());
    String chosen = asked.isEmpty() ? DEFAULT_RANGE : asked.getFirst();
    String problem = "";
    if (!RANGES.containsKey(chosen)) {
      problem =
          "Unknown range '"
              + chosen
              + "': use "
              + String.join(", ", RANGES.keySet())
              + ". Showing "
              + DEFAULT_RANGE
              + ". ";
      chosen = DEFAULT_RANGE;
    }
    range.setValue(chosen);
    show(maps.lastGraph(RANGES.get(chosen)), chosen, problem);
  }

  private void show(ServiceGraph graph, String chosen, String problem) {
    boolean empty = graph.nodes().isEmpty();
    // An empty canvas says nothing: explain instead, and keep the chart's box for the next range.
    message.setText(
        problem
            + (empty
                ? "No service sent spans in the last "
                    + chosen
                    + ". Choose a longer range, or attach the Meerkat agent to a service"
                    + " (-javaagent:meerkat-agent.jar) and send it some requests."
                : graph.nodes().size()
                    + " nodes, "
                    + graph.edges().size()
                    + " connections in the last "
                    + chosen
                    + ". Click a service to open its page."));
    chart.setVisible(!empty);
    chart.setGraph(graph);
  }

  private Select<String> createRangeSelect() {
    Select<String> select = new Select<>();
    select.setId("time-range");
    select.setLabel("Time range");
    select.setItems(RANGES.keySet());
    select.addValueChangeListener(
        e -> {
          if (e.isFromClient()) {
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            ServiceMapView.class, QueryParameters.of("range", e.getValue())));
          }
        });
    return select;
  }

  private void openService(String service) {
    getUI().ifPresent(ui -> ui.navigate("service/" + PathSegment.encode(service)));
  }

  private static Map<String, Duration> ranges() {
    Map<String, Duration> ranges = new LinkedHashMap<>();
    ranges.put("5m", Duration.ofMinutes(5));
    ranges.put("15m", Duration.ofMinutes(15));
    ranges.put("30m", Duration.ofMinutes(30));
    ranges.put("1h", Duration.ofHours(1));
    ranges.put("3h", Duration.ofHours(3));
    ranges.put("6h", Duration.ofHours(6));
    ranges.put("12h", Duration.ofHours(12));
    ranges.put("24h", Duration.ofHours(24));
    ranges.put("2d", Duration.ofDays(2));
    ranges.put("7d", Duration.ofDays(7));
    ranges.put("30d", Duration.ofDays(30));
    return Collections.unmodifiableMap(ranges);
  }
}
