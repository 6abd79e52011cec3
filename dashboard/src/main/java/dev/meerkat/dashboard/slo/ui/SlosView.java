package dev.meerkat.dashboard.slo.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.slo.domain.SloStatus;
import dev.meerkat.dashboard.slo.domain.SloWindow;
import dev.meerkat.dashboard.slo.service.SloService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.store.slo.SloDefinition;
import java.util.Locale;

/** Create, list and delete availability SLOs, with SLI, error budget and burn rate. */
@Route(value = "slos", layout = MainLayout.class)
@PageTitle("SLOs | Meerkat")
public final class SlosView extends VerticalLayout {

  private final SloService slos;
  private final Grid<SloStatus> grid = createGrid();

  public SlosView(SloService slos) {
    this.slos = slos;
    setSizeFull();
    add(new H2("Service level objectives"), createForm(), grid);
    refresh();
  }

  private SloForm createForm() {
    SloForm form = new SloForm(slos.knownServices());
    form.addSaveListener(
        e -> {
          SloDefinition created = slos.create(e.slo());
          Notification.show("Created SLO " + created.name());
          refresh();
        });
    return form;
  }

  private Grid<SloStatus> createGrid() {
    Grid<SloStatus> statuses = new Grid<>();
    statuses.setId("slos-grid");
    statuses.addColumn(s -> s.definition().name()).setHeader("Name").setFlexGrow(2);
    statuses.addColumn(s -> s.definition().service()).setHeader("Service");
    statuses.addColumn(s -> objective(s.definition())).setHeader("Objective");
    statuses.addColumn(s -> window(s.definition())).setHeader("Window");
    statuses.addColumn(s -> Formats.percent(s.sli())).setHeader("SLI");
    statuses.addColumn(s -> Formats.percent(s.errorBudgetRemaining())).setHeader("Budget left");
    statuses.addColumn(s -> Formats.number(s.burnRate())).setHeader("Burn rate (1h)");
    statuses.addColumn(s -> s.firing() ? "FIRING" : "OK").setHeader("Alert");
    statuses.addComponentColumn(this::createDeleteButton).setHeader("");
    statuses.setAllRowsVisible(true);
    return statuses;
  }

  private Button createDeleteButton(SloStatus status) {
    Button delete =
        new Button(
            "Delete",
            e -> {
              slos.delete(status.definition().id());
              refresh();
            });
    delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
    return delete;
  }

  private void refresh() {
    grid.setItems(slos.statuses());
  }

  private static String objective(SloDefinition slo) {
    return String.format(Locale.ROOT, "%s %%", trim(slo.objective() * 100));
  }

  private static String window(SloDefinition slo) {
    return SloWindow.of(slo.window()).map(SloWindow::label).orElse(slo.window().toString());
  }

  private static String trim(double value) {
    return java.math.BigDecimal.valueOf(value)
        .setScale(4, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }
}
