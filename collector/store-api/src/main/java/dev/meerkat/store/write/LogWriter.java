package dev.meerkat.store.write;

import dev.meerkat.store.model.LogRecord;

/** Stores batches of log records, each exactly once (see {@link BatchWriter}). */
public interface LogWriter extends BatchWriter<LogRecord> {}
