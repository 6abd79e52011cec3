package dev.meerkat.store.query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Traces and their spans. */
public interface TraceRepository {

  /**
   * The newest root or SERVER/CONSUMER spans a service recorded with start in [from, to), newest
   * first, one page of them.
   */
  List<TraceSummary> recentTraces(String service, Instant from, Instant to, int offset, int limit);

  /**
   * The longest root or SERVER/CONSUMER spans a service recorded with start in [from, to), longest
   * first, ties by trace id then span id: the slowest requests of the service.
   */
  List<TraceSummary> slowestRequests(String service, Instant from, Instant to, int limit);

  /** All spans of a trace ordered by start time, or empty when the id is unknown. */
  Optional<List<SpanDetail>> trace(String traceId);

  /**
   * The traces matching {@code query}, one page. Order is stable across pages: by the start of the
   * trace's earliest matching span, newest first, then by trace id. {@link TraceOverview#start()}
   * is the trace's own start, which differs only when the matching span is not the earliest.
   * Summaries may be bounded to the spans near the window (the ClickHouse store: within a day of
   * it), so a trace longer than that is summarised from those spans.
   */
  TracePage search(TraceQuery query);
}
