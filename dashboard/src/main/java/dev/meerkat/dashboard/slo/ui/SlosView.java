package dev.meerkat.dashboard.slo.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.meerkat.dashboard.security.domain.Role;
import dev.meerkat.dashboard.security.service.CurrentUser;
import dev.meerkat.dashboard.slo.domain.SloStatus;
import dev.meerkat.dashboard.slo.service.SloService;
import dev.meerkat.dashboard.slo.service.SlosAsCode;
import dev.meerkat.dashboard.ui.ConfirmingDeleteButton;
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
  private final SloForm form;

  public SlosView(SloService slos, SlosAsCode asCode) {
    this.slos = slos;
    this.form = createForm();
    setSizeFull();
    add(new H2("Service level objectives"), grid);
    if (CurrentUser.may(Role.EDITOR)) {
      add(form, new OpenSloPanel(asCode, this::refresh));
    }
    refresh();
  }

  private SloForm createForm() {
    SloForm sloForm = new SloForm(slos.knownServices());
    sloForm.addSaveListener(
        e -> {
          try {
            SloDefinition saved =
                slos.save(e.draft(), e.webhookUrl(), e.minimumEvents(), e.labels());
            Notification.show("Saved SLO " + saved.name());
            refresh();
          } catch (IllegalArgumentException refused) {
            // The service's message says what is wrong and what to set; nothing was saved.
            Notification.show(refused.getMessage(), 10_000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
          }
        });
    return sloForm;
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
    statuses.getColumns().forEach(column -> column.setAutoWidth(true));
    if (CurrentUser.may(Role.EDITOR)) {
      // Frozen to the end: reachable without scrolling a wide grid sideways.
      statuses
          .addComponentColumn(s -> new Span(createEditButton(s), createDeleteButton(s)))
          .setHeader("")
          .setWidth("17em")
          .setFlexGrow(0)
          .setFrozenToEnd(true);
    }
    statuses.setAllRowsVisible(true);
    return statuses;
  }

  private Button createEditButton(SloStatus status) {
    SloDefinition definition = status.definition();
    Button edit = new Button("Edit", e -> slos.definition(definition.id()).ifPresent(form::edit));
    edit.setId("slo-edit-" + definition.id());
    edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    // A file-managed SLO would be overwritten by its file at the next start: change the file.
    edit.setEnabled(!definition.spec().fromFile());
    return edit;
  }

  private ConfirmingDeleteButton createDeleteButton(SloStatus status) {
    SloDefinition definition = status.definition();
    ConfirmingDeleteButton delete =
        new ConfirmingDeleteButton(
            "slo-delete-" + definition.id(),
            "SLO " + definition.name(),
            () -> {
              slos.delete(definition.id());
              Notification.show("Deleted SLO " + definition.name());
              refresh();
            });
    // A file-managed SLO would come back at the next start: change its file instead.
    return definition.spec().fromFile() ? delete.disabled("managed in a file") : delete;
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
