package dev.meerkat.store.query;

import java.time.Instant;

/**
 * One trace found by a search.
 *
 * @param traceId hex trace id
 * @param rootService service of the root span (the earliest span when the root is missing)
 * @param rootOperation name of that span
 * @param start start of the trace's earliest span
 * @param durationNanos from the earliest span start to the latest span end
 * @param spanCount spans stored for the trace
 * @param error whether any span of the trace has status ERROR
 */
public record TraceOverview(
    String traceId,
    String rootService,
    String rootOperation,
    Instant start,
    long durationNanos,
    long spanCount,
    boolean error) {}
