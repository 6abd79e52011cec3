package dev.meerkat.dashboard.slo.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.meerkat.dashboard.security.domain.Role;
import dev.meerkat.dashboard.security.service.CurrentUser;
import dev.meerkat.dashboard.slo.domain.SloStatus;
import dev.meerkat.dashboard.slo.service.SloService;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import dev.meerkat.store.slo.SloDefinition;
import dev.meerkat.store.slo.SloSpec;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The SLO list, least error budget left first, with its alert status (ok, ticket or page firing),
 * and the form to create one. SLOs loaded from files are marked as managed as code.
 */
@PermitAll
@Route(value = "slos", layout = MainLayout.class)
@PageTitle("SLOs | Meerkat")
public final class SlosView extends VerticalLayout {

  private final SloService slos;
  private final Grid<SloStatus> grid = createGrid();

  public SlosView(SloService slos) {
    this.slos = slos;
    setSizeFull();
    add(new H2("Service level objectives"), grid);
    if (CurrentUser.may(Role.EDITOR)) {
      add(createForm());
    }
    refresh();
  }

  private SloForm createForm() {
    SloForm form = new SloForm(slos.knownServices());
    form.addSaveListener(
        e -> {
          SloDefinition saved = slos.save(e.draft(), e.webhookUrl(), e.minimumEvents());
          Notification.show("Saved SLO " + saved.name());
          refresh();
        });
    return form;
  }

  private Grid<SloStatus> createGrid() {
    Grid<SloStatus> statuses = new Grid<>();
    statuses.setId("slos-grid");
    statuses
        .addComponentColumn(
            s ->
                new RouterLink(
                    s.definition().name(),
                    SloDetailView.class,
                    new RouteParameters(SloDetailView.ID, s.definition().id())))
        .setHeader("Name")
        .setFlexGrow(2);
    statuses.addColumn(s -> s.definition().service()).setHeader("Service");
    statuses.addColumn(s -> indicator(s.definition().spec())).setHeader("SLI");
    statuses.addColumn(s -> objective(s.definition())).setHeader("Objective");
    statuses.addColumn(s -> s.definition().spec().window()).setHeader("Window");
    statuses.addColumn(s -> Formats.percent(s.sli())).setHeader("Current");
    statuses.addColumn(s -> Formats.percent(s.errorBudgetRemaining())).setHeader("Budget left");
    statuses.addColumn(s -> Formats.number(s.burnRate())).setHeader("Burn rate (1h)");
    statuses.addColumn(SloStatus::statusLabel).setHeader("Status");
    statuses
        .addColumn(s -> s.definition().spec().fromFile() ? "file" : "dashboard")
        .setHeader("Managed in");
    if (CurrentUser.may(Role.EDITOR)) {
      statuses.addComponentColumn(this::createDeleteButton).setHeader("");
    }
    statuses.getColumns().forEach(column -> column.setAutoWidth(true));
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
    // A file-managed SLO would come back at the next start: change its file instead.
    delete.setEnabled(!status.definition().spec().fromFile());
    return delete;
  }

  private void refresh() {
    grid.setItems(slos.statuses());
  }

  static String indicator(SloSpec spec) {
    String kind =
        spec.indicator().equals(SloSpec.LATENCY)
            ? "latency < " + spec.latencyThresholdMillis() + " ms"
            : "availability";
    return spec.operations().isEmpty()
        ? kind
        : kind + " of " + String.join(", ", spec.operations());
  }

  static String objective(SloDefinition slo) {
    return String.format(
        Locale.ROOT,
        "%s %%",
        BigDecimal.valueOf(slo.objective())
            .movePointRight(2)
            .setScale(4, RoundingMode.HALF_EVEN)
            .stripTrailingZeros()
            .toPlainString());
  }
}
