package dev.meerkat.dashboard.logs.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import dev.meerkat.store.query.log.LogEntry;

/** The results: text cells only; the trace column is a router link with the id as its text. */
final class LogGrid extends Grid<LogEntry> {

  LogGrid() {
    setId("logs-grid");
    addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
    addColumn(e -> LogTimes.format(e.time())).setHeader("Time").setAutoWidth(true);
    addColumn(LogEntry::service).setHeader("Service").setAutoWidth(true);
    addColumn(LogEntry::severityName).setHeader("Severity").setAutoWidth(true);
    addColumn(LogEntry::body).setHeader("Message").setFlexGrow(4);
    addComponentColumn(TraceLinks::of).setHeader("Trace").setAutoWidth(true);
    setSizeFull();
  }
}
