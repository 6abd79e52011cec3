package dev.meerkat.dashboard.traces.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import dev.meerkat.dashboard.ui.Formats;
import dev.meerkat.store.query.log.LogEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The log lines of the trace beside the waterfall: time after the trace start, severity, body and
 * the span that wrote it. Clicking a line selects its span.
 */
final class TraceLogPanel extends VerticalLayout {

  private final Grid<LogEntry> grid = new Grid<>();
  private final Paragraph empty = new Paragraph("No log line carries this trace id.");
  private Map<String, String> spanNames = Map.of();
  private Instant traceStart = Instant.EPOCH;

  TraceLogPanel() {
    setPadding(false);
    setId("trace-logs");
    empty.setId("trace-logs-empty");
    empty.setVisible(false);
    grid.setId("trace-logs-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(this::signed).setHeader("Time").setAutoWidth(true);
    grid.addColumn(LogEntry::severityName).setHeader("Severity").setAutoWidth(true);
    grid.addColumn(LogEntry::body).setHeader("Message").setFlexGrow(3);
    grid.addColumn(e -> spanNames.getOrDefault(e.spanId(), "")).setHeader("Span").setFlexGrow(1);
    grid.setHeight("420px");
    add(new H3("Logs of this trace"), empty, grid);
  }

  /** {@code spanNames}: span id to name, for the span column. */
  void show(List<LogEntry> lines, Map<String, String> spanNames, Instant traceStart) {
    this.spanNames = spanNames;
    this.traceStart = traceStart;
    grid.setItems(lines);
    grid.setVisible(!lines.isEmpty());
    empty.setVisible(lines.isEmpty());
  }

  /** Calls back with the span id of a clicked line that names a span of this trace. */
  void onLineClick(Consumer<String> listener) {
    grid.addItemClickListener(
        e -> {
          if (spanNames.containsKey(e.getItem().spanId())) {
            listener.accept(e.getItem().spanId());
          }
        });
  }

  /** "+7.00 ms" after the trace start, "-2.00 ms" for a line stamped before it. */
  private String signed(LogEntry line) {
    double millis = Duration.between(traceStart, line.time()).toNanos() / 1e6;
    return (millis >= 0 ? "+" : "") + Formats.millis(millis);
  }
}
