package dev.meerkat.store.query.metric;

import java.time.Instant;

/** One step of a metric series: the step's start and its aggregated value. */
public record MetricSample(Instant start, double value) {}
