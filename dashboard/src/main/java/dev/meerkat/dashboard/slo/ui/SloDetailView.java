package dev.meerkat.dashboard.slo.ui;

import com.vaadin.flow.component.grid.Grid;
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
import dev.meerkat.dashboard.slo.service.SloService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import java.util.Arrays;
import java.util.Optional;

/** One SLO: its numbers now and its burn rates over every alerting window. */
@Route(value = "slos/:sloId", layout = MainLayout.class)
@PageTitle("SLO | Meerkat")
public final class SloDetailView extends VerticalLayout implements BeforeEnterObserver {

  static final String ID = "sloId";

  private final SloService slos;

  public SloDetailView(SloService slos) {
    this.slos = slos;
    setSizeFull();
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
