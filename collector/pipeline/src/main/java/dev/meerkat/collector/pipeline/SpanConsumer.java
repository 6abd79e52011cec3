package dev.meerkat.collector.pipeline;

import dev.meerkat.store.model.SpanRecord;
import java.util.List;

/**
 * Sees every request's spans once the pipeline has accepted them (durable in the spool; without a
 * spool, stored), on the thread that acknowledges them. Must be fast and must not keep the list.
 */
@FunctionalInterface
public interface SpanConsumer {
  void accept(List<SpanRecord> spans);
}
