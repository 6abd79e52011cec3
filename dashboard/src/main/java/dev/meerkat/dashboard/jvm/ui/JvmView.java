package dev.meerkat.dashboard.jvm.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import dev.meerkat.dashboard.jvm.domain.JvmChart;
import dev.meerkat.dashboard.jvm.domain.JvmRange;
import dev.meerkat.dashboard.jvm.service.JvmMetricsService;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.dashboard.ui.PathSegment;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JVM instance of a service over time: memory pools, GC, threads, CPU, classes, buffer pools
 * and container limits. The instance and range are in the URL ({@code
 * jvm/checkout?instance=42@host&range=1h}) so a link shows a colleague the same view.
 */
@PermitAll
@Route(value = "jvm/:service", layout = MainLayout.class)
@PageTitle("JVM | Meerkat")
public final class JvmView extends VerticalLayout implements BeforeEnterObserver {

  static final String INSTANCE = "instance";
  static final String RANGE = "range";

  private final JvmMetricsService metrics;
  private final H2 title = new H2();
  private final Select<String> instance = createInstanceSelect();
  private final Select<JvmRange> range = createRangeSelect();
  private final Paragraph problem = createProblem();
  private final Div charts = createCharts();
  private String service;

  public JvmView(JvmMetricsService metrics) {
    this.metrics = metrics;
    title.setId("jvm-title");
    HorizontalLayout controls = new HorizontalLayout(instance, range);
    controls.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(title, controls, problem, charts);
    instance.addValueChangeListener(e -> navigate(e.isFromClient()));
    range.addValueChangeListener(e -> navigate(e.isFromClient()));
  }

  private static Select<String> createInstanceSelect() {
    Select<String> select = new Select<>();
    select.setLabel("Instance");
    select.setId("jvm-instance");
    select.setItemLabelGenerator(id -> id.isEmpty() ? "(no service.instance.id)" : id);
    select.setMinWidth("20em");
    return select;
  }

  private static Select<JvmRange> createRangeSelect() {
    Select<JvmRange> select = new Select<>();
    select.setLabel("Window");
    select.setId("jvm-range");
    select.setItems(JvmRange.values());
    select.setItemLabelGenerator(JvmRange::label);
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
    Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
    String rangeText = first(query, RANGE, JvmRange.FIFTEEN_MINUTES.label());
    JvmRange chosenRange = JvmRange.parse(rangeText).orElse(JvmRange.FIFTEEN_MINUTES);
    List<String> instances = metrics.instances(service, chosenRange);
    String chosen = first(query, INSTANCE, instances.isEmpty() ? "" : instances.getFirst());
    title.setText("JVM of " + service);
    setValues(instances, chosen, chosenRange);
    showProblem(rangeText, instances, chosen);
    showCharts(
        instances.contains(chosen) ? metrics.charts(service, chosen, chosenRange) : List.of());
  }

  /** Values set here are not from the client, so they do not navigate again. */
  private void setValues(List<String> instances, String chosen, JvmRange chosenRange) {
    instance.setItems(instances);
    if (instances.contains(chosen)) {
      instance.setValue(chosen);
    }
    range.setValue(chosenRange);
  }

  private void showProblem(String rangeText, List<String> instances, String chosen) {
    String text = null;
    if (JvmRange.parse(rangeText).isEmpty()) {
      text = "Unknown range '" + rangeText + "': use 15m, 1h, 6h or 24h. Showing 15m.";
    } else if (instances.isEmpty()) {
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

  private void showCharts(List<JvmChart> list) {
    charts.removeAll();
    for (JvmChart chart : list) {
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
        box.add(heading, timeChart);
      }
      charts.add(box);
    }
  }

  private void navigate(boolean fromClient) {
    if (!fromClient) {
      return;
    }
    Map<String, String> query = new LinkedHashMap<>();
    if (instance.getValue() != null) {
      query.put(INSTANCE, instance.getValue());
    }
    query.put(RANGE, range.getValue().label());
    UI.getCurrent()
        .navigate(
            JvmView.class, new RouteParameters("service", service), QueryParameters.simple(query));
  }

  private static String first(Map<String, List<String>> query, String name, String otherwise) {
    List<String> values = query.get(name);
    return values == null || values.isEmpty() ? otherwise : values.getFirst();
  }
}
