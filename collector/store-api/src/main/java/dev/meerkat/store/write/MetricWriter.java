package dev.meerkat.store.write;

import dev.meerkat.store.model.MetricPointRecord;

/** Stores batches of metric points, each exactly once (see {@link BatchWriter}). */
public interface MetricWriter extends BatchWriter<MetricPointRecord> {}
