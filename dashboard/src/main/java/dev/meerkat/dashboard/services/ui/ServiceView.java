package dev.meerkat.dashboard.services.ui;

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
import dev.meerkat.dashboard.jvm.domain.JvmChart;
import dev.meerkat.dashboard.jvm.ui.TimeChart;
import dev.meerkat.dashboard.services.domain.TimeRange;
import dev.meerkat.dashboard.services.service.ServicePageService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.dashboard.ui.PathSegment;
import dev.meerkat.store.query.ServiceSummary;
import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One service over a window: RED charts, endpoints with their share of time, slowest traces, top
 * errors and instances. The window is in the URL ({@code service/checkout?range=1h}) so a link
 * shows a colleague the same view.
 */
@PermitAll
@Route(value = "service/:service", layout = MainLayout.class)
@PageTitle("Service | Meerkat")
public final class ServiceView extends VerticalLayout implements BeforeEnterObserver {

  static final String RANGE = "range";
  private static final TimeRange DEFAULT_RANGE = TimeRange.ONE_HOUR;

  private final ServicePageService page;
  private final Clock clock;
  private final H2 title = new H2();
  private final Select<TimeRange> range = createRangeSelect();
  private final Paragraph problem = paragraph("service-problem");
  private final Paragraph summary = paragraph("service-summary");
  private final Div charts = new Div();
  private final ServiceTables tables = new ServiceTables();
  private String service = "";

  public ServiceView(ServicePageService page, Clock clock) {
    this.page = page;
    this.clock = clock;
    title.setId("service-title");
    charts.setId("service-charts");
    charts.setWidthFull();
    add(title, range, problem, summary, charts);
    tables.addTo(this);
    range.addValueChangeListener(e -> navigate(e.isFromClient()));
  }

  private static Select<TimeRange> createRangeSelect() {
    Select<TimeRange> select = new Select<>();
    select.setLabel("Window");
    select.setId("service-range");
    select.setItems(EnumSet.allOf(TimeRange.class));
    select.setItemLabelGenerator(TimeRange::label);
    return select;
  }

  private static Paragraph paragraph(String id) {
    Paragraph paragraph = new Paragraph();
    paragraph.setId(id);
    return paragraph;
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    service = event.getRouteParameters().get("service").map(PathSegment::decode).orElse("");
    List<String> ranges =
        event.getLocation().getQueryParameters().getParameters().getOrDefault(RANGE, List.of());
    String rangeText = ranges.isEmpty() ? DEFAULT_RANGE.label() : ranges.getFirst();
    Optional<TimeRange> parsed = parse(rangeText);
    TimeRange chosen = parsed.orElse(DEFAULT_RANGE);
    range.setValue(chosen);
    title.setText(service);
    Instant to = clock.instant();
    Instant from = to.minus(chosen.duration());
    Optional<ServiceSummary> red = page.summary(service, from, to);
    showProblem(parsed.isEmpty() ? rangeText : null, red.isEmpty());
    summary.setText(red.map(ServiceView::describe).orElse(""));
    summary.setVisible(red.isPresent());
    showCharts(page.charts(service, from, to));
    tables.show(service, page, from, to);
  }

  private void showProblem(String unknownRange, boolean noSpans) {
    String text = null;
    if (unknownRange != null) {
      text =
          "Unknown range '"
              + unknownRange
              + "': use 5m, 15m, 1h, 6h, 24h or 7d. Showing "
              + DEFAULT_RANGE.label()
              + ".";
    } else if (noSpans) {
      text = "No spans from " + service + " in this window: choose a longer one.";
    }
    problem.setText(text == null ? "" : text);
    problem.setVisible(text != null);
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

  private void showCharts(List<JvmChart> list) {
    charts.removeAll();
    for (JvmChart chart : list) {
      TimeChart timeChart = new TimeChart();
      timeChart.setId("service-chart-" + chart.id());
      timeChart.setChart(chart);
      Div box = new Div(new H3(chart.title() + " (" + chart.unit() + ")"), timeChart);
      box.setWidthFull();
      charts.add(box);
    }
  }

  private static Optional<TimeRange> parse(String label) {
    return EnumSet.allOf(TimeRange.class).stream().filter(r -> r.label().equals(label)).findFirst();
  }

  private void navigate(boolean fromClient) {
    if (fromClient) {
      UI.getCurrent()
          .navigate(
              "service/" + PathSegment.encode(service),
              QueryParameters.simple(Map.of(RANGE, range.getValue().label())));
    }
  }
}
