package dev.meerkat.dashboard.jvm.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.meerkat.dashboard.chart.domain.TimeSeriesChart;
import dev.meerkat.dashboard.jvm.service.JvmMetricsService;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.dashboard.ui.PathSegment;
import dev.meerkat.dashboard.ui.chart.TimeChart;
import dev.meerkat.dashboard.ui.time.Interval;
import dev.meerkat.dashboard.ui.time.Preset;
import dev.meerkat.dashboard.ui.time.TimePicker;
import dev.meerkat.dashboard.ui.time.TimeSelection;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JVM instance of a service over time: memory pools, GC, threads, CPU, classes, buffer pools
 * and container limits. The instance and the time picker's selection are in the URL ({@code
 * jvm/checkout?instance=42@host&range=1h}) so a link shows a colleague the same view.
 */
@PermitAll
@Route(value = "jvm/:service", layout = MainLayout.class)
@PageTitle("JVM | Meerkat")
public final class JvmView extends VerticalLayout implements BeforeEnterObserver {

  static final String INSTANCE = "instance";

  private final JvmMetricsService metrics;
  private final Clock clock;
  private final H2 title = new H2();
  private final TimePicker time;
  private final Select<String> instance = createInstanceSelect();
  private final Paragraph problem = createProblem();
  private final Div charts = createCharts();
  private final Map<String, TimeChart> shownCharts = new LinkedHashMap<>();
  private QueryParameters query = QueryParameters.empty();
  private String service;
  private String chosen;

  public JvmView(JvmMetricsService metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
    this.time = new TimePicker(clock);
    title.setId("jvm-title");
    add(title, time, instance, problem, charts);
    instance.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null) {
            navigate(time.getSelection().mergeInto(QueryParameters.of(INSTANCE, e.getValue())));
          }
        });
    time.addSelectionListener(selection -> navigate(selection.mergeInto(query)));
    time.addRefreshListener(this::reload);
  }

  private static Select<String> createInstanceSelect() {
    Select<String> select = new Select<>();
    select.setLabel("Instance");
    select.setId("jvm-instance");
    select.setItemLabelGenerator(id -> id.isEmpty() ? "(no service.instance.id)" : id);
    select.setMinWidth("20em");
    return select;
  }

  private static Paragraph createProblem() {
    Paragraph paragraph = new Paragraph();
    paragraph.setId("jvm-problem");
    paragraph.setVisible(false);
    return paragraph;
  }

  private static Div createCharts() {
    Div div = new Div();
    div.setId("jvm-charts");
    div.setWidthFull();
    return div;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    service = event.getRouteParameters().get("service").map(PathSegment::decode).orElse("");
    query = event.getLocation().getQueryParameters();
    time.setSelection(TimeSelection.read(query, Preset.FIFTEEN_MINUTES));
    title.setText("JVM of " + service);
    load();
  }

  /** The instances in the picked time, the chosen one's charts from scratch. */
  private void load() {
    Interval interval = time.getSelection().window().resolve(clock.instant());
    List<String> instances = metrics.instances(service, interval.from(), interval.to());
    chosen =
        query.getSingleParameter(INSTANCE).orElse(instances.isEmpty() ? "" : instances.getFirst());
    instance.setItems(instances);
    if (instances.contains(chosen)) {
      // Not from the client, so it does not navigate again.
      instance.setValue(chosen);
    }
    showProblem(instances);
    shownCharts.clear();
    charts.removeAll();
    if (instances.contains(chosen)) {
      metrics.charts(service, chosen, interval.from(), interval.to()).forEach(this::addChart);
    }
  }

  /**
   * Auto-refresh: new data into the charts already on the page, so nothing jumps; a chart that
   * gained or lost all its lines since is rebuilt with the rest.
   */
  private void reload() {
    if (shownCharts.isEmpty()) {
      load();
      return;
    }
    Interval interval = time.getSelection().window().resolve(clock.instant());
    List<TimeSeriesChart> fresh = metrics.charts(service, chosen, interval.from(), interval.to());
    boolean sameShape =
        fresh.stream().allMatch(c -> c.isEmpty() != shownCharts.containsKey(c.id()));
    if (sameShape) {
      fresh.stream().filter(c -> !c.isEmpty()).forEach(c -> shownCharts.get(c.id()).setChart(c));
    } else {
      shownCharts.clear();
      charts.removeAll();
      fresh.forEach(this::addChart);
    }
  }

  private void showProblem(List<String> instances) {
    String text = null;
    if (instances.isEmpty()) {
      text =
          "No JVM metrics from "
              + service
              + " in this window. Attach the Meerkat agent (-javaagent) to the service's JVM.";
    } else if (!instances.contains(chosen)) {
      text = "No instance '" + chosen + "' of " + service + " in this window: choose one above.";
    }
    problem.setText(text == null ? "" : text);
    problem.setVisible(text != null);
  }

  private void addChart(TimeSeriesChart chart) {
    Div box = new Div();
    box.setWidthFull();
    H3 heading = new H3(chart.title() + " (" + chart.unit() + ")");
    if (chart.isEmpty()) {
      Paragraph none = new Paragraph("Not reported by this instance in this window.");
      none.setId("jvm-chart-" + chart.id() + "-none");
      box.add(heading, none);
    } else {
      TimeChart timeChart = new TimeChart();
      timeChart.setId("jvm-chart-" + chart.id());
      timeChart.setChart(chart);
      shownCharts.put(chart.id(), timeChart);
      box.add(heading, timeChart);
    }
    charts.add(box);
  }

  private void navigate(QueryParameters target) {
    UI.getCurrent().navigate(JvmView.class, new RouteParameters("service", service), target);
  }
}
