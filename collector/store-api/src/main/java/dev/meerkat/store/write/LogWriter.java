package dev.meerkat.store.write;

import dev.meerkat.store.model.LogRecord;
import java.util.List;

/** Stores batches of log records. */
public interface LogWriter {

  /**
   * Stores all of {@code logs} or throws {@link dev.meerkat.store.StoreException} saying whether a
   * retry may succeed.
   */
  void write(List<LogRecord> logs);
}
