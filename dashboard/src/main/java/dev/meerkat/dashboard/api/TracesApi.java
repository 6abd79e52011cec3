package dev.meerkat.dashboard.api;

import dev.meerkat.dashboard.traces.domain.CriticalPath;
import dev.meerkat.dashboard.traces.service.TraceService;
import dev.meerkat.store.model.SpanStatus;
import dev.meerkat.store.query.SpanDetail;
import dev.meerkat.store.query.TraceOverview;
import dev.meerkat.store.query.TracePage;
import dev.meerkat.store.query.TraceQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The trace explorer's search, and whole traces by id. */
@RestController
class TracesApi {

  private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

  private final TraceService traces;
  private final Clock clock;

  TracesApi(TraceService traces, Clock clock) {
    this.traces = traces;
    this.clock = clock;
  }

  record Traces(Instant from, Instant to, List<TraceRow> traces, String nextCursor) {}

  record TraceRow(
      String traceId,
      String rootService,
      String rootOperation,
      Instant start,
      double durationMillis,
      long spanCount,
      boolean error) {
    static TraceRow of(TraceOverview t) {
      return new TraceRow(
          t.traceId(),
          t.rootService(),
          t.rootOperation(),
          t.start(),
          t.durationNanos() / 1e6,
          t.spanCount(),
          t.error());
    }
  }

  /** A trace: its spans by start time, each as the store returns it, and its critical path. */
  record Trace(String traceId, List<SpanDetail> spans, List<CriticalPathSegment> criticalPath) {}

  /** A stretch of the critical path spent in one span, in ms after the trace's first span start. */
  record CriticalPathSegment(String spanId, double startMillis, double endMillis) {
    static List<CriticalPathSegment> of(CriticalPath path) {
      return path.segments().stream()
          .map(s -> new CriticalPathSegment(s.spanId(), s.startNanos() / 1e6, s.endNanos() / 1e6))
          .toList();
    }
  }

  @GetMapping("/api/v1/traces")
  Traces search(
      @RequestParam(name = "service", required = false) String service,
      @RequestParam(name = "operation", required = false) String operation,
      @RequestParam(name = "minDurationMs", required = false) String minDurationMs,
      @RequestParam(name = "maxDurationMs", required = false) String maxDurationMs,
      @RequestParam(name = "status", required = false) String status,
      @RequestParam(name = "attr", required = false) List<String> attributes,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "window", required = false) String window,
      @RequestParam(name = "limit", required = false) String limit,
      @RequestParam(name = "cursor", required = false) String cursor) {
    QueryWindow range = QueryWindow.resolve(from, to, window, clock);
    TraceQuery query =
        TraceQuery.between(range.from(), range.to())
            .withLimit(
                Parameters.integer(
                    "limit", limit, 1, TraceQuery.MAX_LIMIT, TraceQuery.DEFAULT_LIMIT));
    if (service != null) {
      query = query.withService(service);
    }
    if (operation != null) {
      query = query.withOperation(operation);
    }
    if (minDurationMs != null) {
      query = query.withMinDuration(Parameters.millis("minDurationMs", minDurationMs));
    }
    if (maxDurationMs != null) {
      query = query.withMaxDuration(Parameters.millis("maxDurationMs", maxDurationMs));
    }
    if (status != null) {
      String name = Parameters.choice("status", status, "ok", "error", "unset");
      query = query.withStatus(SpanStatus.valueOf(name.toUpperCase(Locale.ROOT)));
    }
    for (String attribute : attributes == null ? List.<String>of() : attributes) {
      String[] pair = Parameters.keyValue("attr", attribute);
      query = query.withAttribute(pair[0], pair[1]);
    }
    if (cursor != null) {
      query = query.withCursor(cursor);
    }
    TracePage page = search(query, cursor);
    return new Traces(
        range.from(),
        range.to(),
        page.traces().stream().map(TraceRow::of).toList(),
        page.nextCursor().orElse(null));
  }

  @GetMapping("/api/v1/traces/{traceId}")
  Trace trace(@PathVariable("traceId") String traceId) {
    String id = traceId.toLowerCase(Locale.ROOT);
    if (!TRACE_ID.matcher(id).matches()) {
      throw new BadParameterException("traceId", "32 hexadecimal characters", traceId);
    }
    List<SpanDetail> spans =
        traces.spans(id).orElseThrow(() -> new NotFoundException("no trace with id " + id));
    return new Trace(id, spans, CriticalPathSegment.of(CriticalPath.of(spans)));
  }

  private TracePage search(TraceQuery query, String cursor) {
    return Parameters.paged(cursor, () -> traces.search(query));
  }
}
