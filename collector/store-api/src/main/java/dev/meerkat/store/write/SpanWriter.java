package dev.meerkat.store.write;

import dev.meerkat.store.model.SpanRecord;

/** Stores batches of spans, each exactly once (see {@link BatchWriter}). */
public interface SpanWriter extends BatchWriter<SpanRecord> {}
