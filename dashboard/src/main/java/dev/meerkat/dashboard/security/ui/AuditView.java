package dev.meerkat.dashboard.security.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.meerkat.dashboard.security.domain.AuditEntry;
import dev.meerkat.dashboard.security.service.AuditLog;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.dashboard.ui.MainLayout;
import jakarta.annotation.security.RolesAllowed;

/** The audit log for admins: who changed which SLO, rule, channel, silence or route, and when. */
@Route(value = "audit", layout = MainLayout.class)
@PageTitle("Audit log | Meerkat")
@RolesAllowed("ADMIN")
public final class AuditView extends VerticalLayout {

  static final int LIMIT = 500;

  public AuditView(AuditLog log) {
    setSizeFull();
    Grid<AuditEntry> grid = new Grid<>();
    grid.setId("audit-grid");
    grid.addColumn(e -> Formats.time(e.at())).setHeader("Time").setAutoWidth(true);
    grid.addColumn(AuditEntry::user).setHeader("User").setAutoWidth(true);
    grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
    grid.addColumn(AuditEntry::objectType).setHeader("Object").setAutoWidth(true);
    grid.addColumn(AuditEntry::objectId).setHeader("Id").setFlexGrow(1);
    grid.setItems(log.recent(LIMIT));
    add(new H2("Audit log (latest " + LIMIT + ")"), grid);
  }
}
