package dev.meerkat.dashboard.traces.domain;

import dev.meerkat.store.query.SpanDetail;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trace laid out as a waterfall: spans in depth-first order (children after their parent,
 * siblings by start time), each with its depth and its offset from the trace start. Spans whose
 * parent is missing, or that sit in a parent cycle, are shown as roots. The trace's critical path
 * comes with it.
 */
public record TraceWaterfall(
    String traceId, List<WaterfallRow> rows, double totalMillis, CriticalPath criticalPath) {

  public static TraceWaterfall of(String traceId, List<SpanDetail> spans) {
    Set<String> ids = new HashSet<>();
    spans.forEach(s -> ids.add(s.spanId()));
    Map<String, List<SpanDetail>> children = new HashMap<>();
    List<SpanDetail> roots = new ArrayList<>();
    Comparator<SpanDetail> byStart = Comparator.comparing(SpanDetail::start);
    for (SpanDetail span : spans.stream().sorted(byStart).toList()) {
      if (span.isRoot() || !ids.contains(span.parentSpanId())) {
        roots.add(span);
      } else {
        children.computeIfAbsent(span.parentSpanId(), k -> new ArrayList<>()).add(span);
      }
    }
    Instant start =
        spans.stream().map(SpanDetail::start).min(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    List<WaterfallRow> rows = new ArrayList<>();
    Set<String> visited = new HashSet<>();
    roots.forEach(root -> visit(root, 0, start, children, visited, rows));
    // Spans caught in a parent cycle are unreachable from any root: show them as roots too.
    for (SpanDetail span : spans.stream().sorted(byStart).toList()) {
      visit(span, 0, start, children, visited, rows);
    }
    double total =
        rows.stream().mapToDouble(r -> r.offsetMillis() + r.durationMillis()).max().orElse(0);
    return new TraceWaterfall(traceId, List.copyOf(rows), total, CriticalPath.of(spans));
  }

  private static void visit(
      SpanDetail span,
      int depth,
      Instant traceStart,
      Map<String, List<SpanDetail>> children,
      Set<String> visited,
      List<WaterfallRow> rows) {
    if (!visited.add(span.spanId())) {
      return; // a malformed trace may contain cycles
    }
    rows.add(
        new WaterfallRow(
            span,
            depth,
            millis(Duration.between(traceStart, span.start()).toNanos()),
            millis(span.durationNanos())));
    for (SpanDetail child : children.getOrDefault(span.spanId(), List.of())) {
      visit(child, depth + 1, traceStart, children, visited, rows);
    }
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
