package dev.meerkat.store.query;

import java.util.List;
import java.util.Optional;

/**
 * One page of a trace search, newest first (see {@link TraceRepository#search(TraceQuery)}).
 *
 * @param traces the traces of this page
 * @param nextCursor pass to {@link TraceQuery#withCursor(String)} for the next page; empty on the
 *     last page
 */
public record TracePage(List<TraceOverview> traces, Optional<String> nextCursor) {

  public TracePage {
    traces = List.copyOf(traces);
  }
}
