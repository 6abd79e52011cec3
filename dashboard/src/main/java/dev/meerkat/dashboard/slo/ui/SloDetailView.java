package dev.meerkat.dashboard.slo.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.slo.domain.BurnWindow;
import dev.meerkat.dashboard.slo.domain.SloStatus;
import dev.meerkat.dashboard.slo.domain.SlowOperation;
import dev.meerkat.dashboard.slo.service.SloDetails;
import dev.meerkat.dashboard.slo.service.SloService;
import dev.meerkat.dashboard.slo.service.SlowRequestBurners;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.dashboard.ui.PathSegment;
import dev.meerkat.store.query.ErrorCause;
import dev.meerkat.store.slo.SloSpec;
import jakarta.annotation.security.PermitAll;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One SLO: its numbers now, its burn rates over every alerting window, the SLI and the error-budget
 * burn-down across its period, and what burned the budget, linked to example traces.
 */
@PermitAll
@Route(value = "slos/:sloId", layout = MainLayout.class)
@PageTitle("SLO | Meerkat")
public final class SloDetailView extends VerticalLayout implements BeforeEnterObserver {

  static final String ID = "sloId";

  private final SloService slos;
  private final SloDetails details;
  private final SlowRequestBurners slowRequests;

  public SloDetailView(SloService slos, SloDetails details, SlowRequestBurners slowRequests) {
    this.slos = slos;
    this.details = details;
    this.slowRequests = slowRequests;
    setWidthFull();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    removeAll();
    String id = event.getRouteParameters().get(ID).orElse("");
    Optional<SloStatus> status = slos.status(id);
    if (status.isEmpty()) {
      add(new H2("No SLO " + id));
      return;
    }
    show(status.get());
  }

  private void show(SloStatus status) {
    add(new H2(status.definition().name()));
    Paragraph summary =
        new Paragraph(
            SlosView.indicator(status.definition().spec())
                + " of "
                + status.definition().service()
                + ", objective "
                + SlosView.objective(status.definition())
                + " over "
                + status.definition().spec().window()
                + " — current "
                + Formats.percent(status.sli())
                + ", budget left "
                + Formats.percent(status.errorBudgetRemaining())
                + ", status "
                + status.statusLabel());
    summary.setId("slo-summary");
    add(summary, new H3("Burn rates"), burnRates(status));
    details.history(status.definition().id()).ifPresent(this::showHistory);
    add(new H3("What burned the budget"));
    if (SloSpec.LATENCY.equals(status.definition().spec().indicator())) {
      add(slowOperations(status.definition().id()));
    } else {
      add(budgetBurners(status.definition().id()));
    }
  }

  private void showHistory(SloDetails.History history) {
    List<LineChart.Point> budget =
        history.burnDown().stream()
            .map(p -> new LineChart.Point(p.at(), OptionalDouble.of(p.remaining())))
            .toList();
    double lowest =
        Math.min(0, budget.stream().mapToDouble(p -> p.value().getAsDouble()).min().orElse(0));
    List<LineChart.Point> sli =
        history.sli().stream().map(p -> new LineChart.Point(p.at(), p.sli())).toList();
    double lowestSli =
        sli.stream()
            .filter(p -> p.value().isPresent())
            .mapToDouble(p -> p.value().getAsDouble())
            .min()
            .orElse(0);
    add(
        new H3("Error budget burn-down"),
        LineChart.render("burn-down", "error budget remaining", budget, lowest, 1),
        new H3("SLI over time"),
        LineChart.render("sli-chart", "SLI", sli, Math.min(lowestSli, 0.9), 1));
  }

  private Grid<ErrorCause> budgetBurners(String sloId) {
    Grid<ErrorCause> grid = new Grid<>();
    grid.setId("budget-burners");
    grid.addColumn(ErrorCause::operation).setHeader("Operation").setFlexGrow(2);
    grid.addColumn(c -> c.errorType().isEmpty() ? "(no message)" : c.errorType())
        .setHeader("Error")
        .setFlexGrow(2);
    grid.addColumn(c -> String.format(Locale.ROOT, "%.0f", c.requests()))
        .setHeader("Failed requests");
    grid.addComponentColumn(SloDetailView::traceLinks).setHeader("Example traces").setFlexGrow(2);
    grid.setItems(details.budgetBurners(sloId));
    grid.setAllRowsVisible(true);
    return grid;
  }

  /** A latency SLO is burned by slow requests: its operations by their share of them. */
  private Grid<SlowOperation> slowOperations(String sloId) {
    Grid<SlowOperation> grid = new Grid<>();
    grid.setId("slow-operations");
    grid.addColumn(SlowOperation::operation).setHeader("Operation").setFlexGrow(2);
    grid.addColumn(o -> String.format(Locale.ROOT, "%.0f", o.slowRequests()))
        .setHeader("Slow requests");
    grid.addColumn(o -> Formats.percent(o.share())).setHeader("Share of the spent budget");
    grid.addComponentColumn(o -> traceLinks(o.exampleTraceIds()))
        .setHeader("Example slow traces")
        .setFlexGrow(2);
    grid.setItems(slowRequests.slowOperations(sloId));
    grid.setAllRowsVisible(true);
    return grid;
  }

  private static Div traceLinks(ErrorCause cause) {
    return traceLinks(cause.exampleTraceIds());
  }

  private static Div traceLinks(List<String> traceIds) {
    Div links = new Div();
    for (String traceId : traceIds) {
      String text = traceId.length() > 20 ? traceId.substring(0, 12) + "…" : traceId;
      Anchor link = new Anchor("trace/" + PathSegment.encode(traceId), text);
      link.addClassName("trace-link");
      link.getStyle().set("margin-right", "0.5em");
      links.add(link);
    }
    return links;
  }

  private static Grid<BurnWindow> burnRates(SloStatus status) {
    Grid<BurnWindow> grid = new Grid<>();
    grid.setId("burn-rates");
    grid.addColumn(BurnWindow::label).setHeader("Window");
    grid.addColumn(w -> Formats.number(status.reading().burnRates().get(w))).setHeader("Burn rate");
    grid.setItems(Arrays.asList(BurnWindow.values()));
    grid.setAllRowsVisible(true);
    return grid;
  }
}
