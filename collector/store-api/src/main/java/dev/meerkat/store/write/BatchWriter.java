package dev.meerkat.store.write;

/**
 * Stores batches of one signal's records. Each signal's port ({@link SpanWriter}, {@link
 * MetricWriter}, ...) is this interface for its record type, so the pipeline drives them alike.
 *
 * @param <T> the record type
 */
public interface BatchWriter<T> {

  /**
   * Stores all items of {@code batch} exactly once, or throws {@link
   * dev.meerkat.store.StoreException} saying whether a retry may succeed. When {@link
   * WriteBatch#mayBeStored()} is set, parts already stored by an earlier attempt are skipped.
   */
  void write(WriteBatch<T> batch);
}
