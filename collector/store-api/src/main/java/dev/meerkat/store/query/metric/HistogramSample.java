package dev.meerkat.store.query.metric;

import java.time.Instant;

/**
 * One step of a histogram series: the step's start, the count of recorded values and their sum,
 * each the step's points combined with the query's aggregation (for a cumulative histogram {@code
 * LAST} gives the running totals at the step's end).
 */
public record HistogramSample(Instant start, long count, double sum) {}
