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

  /** All spans of a trace ordered by start time, or empty when the id is unknown. */
  Optional<List<SpanDetail>> trace(String traceId);
}
