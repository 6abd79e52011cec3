package dev.meerkat.dashboard.logs.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.meerkat.dashboard.traces.ui.TraceView;
import dev.meerkat.store.query.log.LogEntry;

/** The trace cell of a log line: a link to the trace page, or nothing when uncorrelated. */
final class TraceLinks {

  private TraceLinks() {}

  static Component of(LogEntry log) {
    if (log.traceId().isEmpty()) {
      return new Span();
    }
    RouterLink link =
        new RouterLink(TraceView.class, new RouteParameters("traceId", log.traceId()));
    link.setText(log.traceId());
    link.addClassName("trace-link");
    return link;
  }
}
