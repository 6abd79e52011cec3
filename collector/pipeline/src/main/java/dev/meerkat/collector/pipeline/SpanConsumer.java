package dev.meerkat.collector.pipeline;

import dev.meerkat.store.model.SpanRecord;
import java.util.List;

/**
 * Sees every batch of spans the pipeline accepts, before it is written, on the receiving thread.
 * Must be fast and must not keep the list.
 */
@FunctionalInterface
public interface SpanConsumer {
  void accept(List<SpanRecord> spans);
}
