package dev.meerkat.dashboard.traces.domain;

import dev.meerkat.store.query.SpanDetail;

/**
 * One bar of a trace waterfall.
 *
 * @param span the span
 * @param depth distance from the root (0 for roots and orphans)
 * @param offsetMillis start relative to the trace's first span
 * @param durationMillis span duration
 */
public record WaterfallRow(
    SpanDetail span, int depth, double offsetMillis, double durationMillis) {}
