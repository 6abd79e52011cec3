package dev.meerkat.store.write;

import dev.meerkat.store.model.SpanRecord;
import java.util.List;

/** Stores batches of spans. */
public interface SpanWriter {

  /**
   * Stores all of {@code spans} or throws {@link dev.meerkat.store.StoreException} saying whether a
   * retry may succeed.
   */
  void write(List<SpanRecord> spans);
}
