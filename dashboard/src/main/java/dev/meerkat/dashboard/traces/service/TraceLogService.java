package dev.meerkat.dashboard.traces.service;

import dev.meerkat.dashboard.traces.domain.TraceWaterfall;
import dev.meerkat.store.query.log.LogEntry;
import dev.meerkat.store.query.log.LogQuery;
import dev.meerkat.store.query.log.LogRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * The log lines that carry a trace's id, for the trace page. It asks the store's log port directly:
 * the logs feature links to traces, so traces may not depend on it back.
 */
@Service
public class TraceLogService {

  /** Most lines shown beside one trace. */
  static final int LIMIT = 500;

  /** Log clocks may differ from span clocks: look this far around the trace's spans. */
  static final Duration SLACK = Duration.ofMinutes(1);

  private final LogRepository logs;

  TraceLogService(LogRepository logs) {
    this.logs = logs;
  }

  /** The trace's log lines, oldest first, at most {@link #LIMIT} (the newest ones). */
  public List<LogEntry> logsOf(TraceWaterfall trace) {
    if (trace.rows().isEmpty()) {
      return List.of();
    }
    Instant start = trace.rows().stream().map(r -> r.span().start()).min(Instant::compareTo).get();
    Instant end = start.plusNanos(Math.round(trace.totalMillis() * 1_000_000));
    LogQuery query =
        LogQuery.between(start.minus(SLACK), end.plus(SLACK))
            .withTraceId(trace.traceId())
            .withLimit(LIMIT);
    List<LogEntry> lines = new ArrayList<>(logs.search(query).logs());
    lines.sort(Comparator.comparing(LogEntry::time));
    return lines;
  }
}
