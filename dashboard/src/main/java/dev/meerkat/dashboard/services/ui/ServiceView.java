package dev.meerkat.dashboard.services.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.chart.domain.TimeSeriesChart;
import dev.meerkat.dashboard.services.service.ServicePageService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.dashboard.ui.PathSegment;
import dev.meerkat.dashboard.ui.chart.TimeChart;
import dev.meerkat.dashboard.ui.time.Interval;
import dev.meerkat.dashboard.ui.time.Preset;
import dev.meerkat.dashboard.ui.time.TimePicker;
import dev.meerkat.dashboard.ui.time.TimeSelection;
import dev.meerkat.store.query.ServiceSummary;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One service over the picked time: RED charts, endpoints with their share of time, slowest traces,
 * top errors, instances and the last weeks. The time is in the URL ({@code
 * service/checkout?range=1h}, or {@code from}/{@code to}) so a link shows a colleague the same
 * view.
 */
@PermitAll
@Route(value = "service/:service", layout = MainLayout.class)
@PageTitle("Service | Meerkat")
public final class ServiceView extends VerticalLayout implements BeforeEnterObserver {

  private final ServicePageService page;
  private final Clock clock;
  private final H2 title = new H2();
  private final TimePicker picker;
  private final Paragraph problem = paragraph("service-problem");
  private final Paragraph summary = paragraph("service-summary");
  private final Div charts = new Div();
  private final ServiceTables tables = new ServiceTables();
  private String service = "";
  private QueryParameters query = QueryParameters.empty();

  public ServiceView(ServicePageService page, Clock clock) {
    this.page = page;
    this.clock = clock;
    this.picker = new TimePicker(clock);
    picker.addSelectionListener(
        selection ->
            getUI()
                .ifPresent(
                    ui ->
                        ui.navigate(
                            "service/" + PathSegment.encode(service), selection.mergeInto(query))));
    picker.addRefreshListener(this::load);
    title.setId("service-title");
    charts.setId("service-charts");
    charts.setWidthFull();
    add(title, picker, problem, summary, charts);
    tables.addTo(this);
  }

  private static Paragraph paragraph(String id) {
    Paragraph paragraph = new Paragraph();
    paragraph.setId(id);
    return paragraph;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    service = event.getRouteParameters().get("service").map(PathSegment::decode).orElse("");
    query = event.getLocation().getQueryParameters();
    picker.setSelection(TimeSelection.read(query, Preset.ONE_HOUR));
    title.setText(service);
    load();
  }

  private void load() {
    Interval interval = picker.getSelection().window().resolve(clock.instant());
    Optional<ServiceSummary> red = page.summary(service, interval.from(), interval.to());
    problem.setText("No spans from " + service + " in this time range: choose a longer one.");
    problem.setVisible(red.isEmpty());
    summary.setText(red.map(ServiceView::describe).orElse(""));
    summary.setVisible(red.isPresent());
    showCharts(page.charts(service, interval.from(), interval.to()));
    tables.show(service, page, interval.from(), interval.to());
  }

  private static String describe(ServiceSummary red) {
    return Formats.rate(red.requestsPerSecond())
        + " req/s · "
        + Formats.percent(red.errorRatio())
        + " errors · p50 "
        + Formats.millis(red.p50Millis())
        + " · p95 "
        + Formats.millis(red.p95Millis())
        + " · p99 "
        + Formats.millis(red.p99Millis());
  }

  private void showCharts(List<TimeSeriesChart> list) {
    charts.removeAll();
    for (TimeSeriesChart chart : list) {
      TimeChart timeChart = new TimeChart();
      timeChart.setId("service-chart-" + chart.id());
      timeChart.setChart(chart);
      Div box = new Div(new H3(chart.title() + " (" + chart.unit() + ")"), timeChart);
      box.setWidthFull();
      charts.add(box);
    }
  }
}
