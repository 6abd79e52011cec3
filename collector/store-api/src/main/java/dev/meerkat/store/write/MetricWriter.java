package dev.meerkat.store.write;

import dev.meerkat.store.model.MetricPointRecord;
import java.util.List;

/** Stores batches of metric points. */
public interface MetricWriter {

  /**
   * Stores all of {@code points} or throws {@link dev.meerkat.store.StoreException} saying whether
   * a retry may succeed.
   */
  void write(List<MetricPointRecord> points);
}
