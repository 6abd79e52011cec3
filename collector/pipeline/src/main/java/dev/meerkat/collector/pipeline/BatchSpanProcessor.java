package dev.meerkat.collector.pipeline;

import dev.meerkat.collector.pipeline.codec.SpanRecordCodec;
import dev.meerkat.store.model.SpanRecord;
import dev.meerkat.store.write.SpanWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes spans into the spool (acknowledged once durable), writes them in batches, and shows every
 * accepted request to the {@link SpanConsumer}s. Overflow is refused and counted, never buffered
 * without bound.
 */
public final class BatchSpanProcessor implements AutoCloseable {

  private static final Logger logger = LoggerFactory.getLogger(BatchSpanProcessor.class);

  private final BatchProcessor<SpanRecord> processor;
  private final List<SpanConsumer> consumers;
  private final AtomicLong consumerFailures = new AtomicLong();

  private BatchSpanProcessor(
      SpanWriter writer,
      PipelineSettings settings,
      SpoolSettings spool,
      List<SpanConsumer> consumers,
      WriteObserver observer) {
    this.processor =
        new BatchProcessor<>(
            "spans",
            writer,
            settings,
            spool.journal("spans", new SpanRecordCodec(), settings.queueCapacity()),
            observer);
    this.consumers = List.copyOf(consumers);
  }

  public static BatchSpanProcessor create(
      SpanWriter writer,
      PipelineSettings settings,
      SpoolSettings spool,
      List<SpanConsumer> consumers,
      WriteObserver observer) {
    return new BatchSpanProcessor(writer, settings, spool, consumers, observer);
  }

  /**
   * Takes all of {@code spans} or none; the future says which, and why not. Consumers see the spans
   * once they are accepted.
   */
  public CompletableFuture<Admission> offer(List<SpanRecord> spans) {
    return processor
        .offer(spans)
        .thenApply(
            admission -> {
              if (admission == Admission.ACCEPTED) {
                showConsumers(spans);
              }
              return admission;
            });
  }

  /** The most spans one request may hold. */
  public int capacity() {
    return processor.capacity();
  }

  private void showConsumers(List<SpanRecord> spans) {
    for (int i = 0; i < consumers.size(); i++) {
      try {
        consumers.get(i).accept(spans);
      } catch (RuntimeException e) {
        // A broken consumer must not fail ingest; count it and log the first one.
        if (consumerFailures.getAndIncrement() == 0) {
          logger.error("Span consumer {} failed", consumers.get(i), e);
        }
      }
    }
  }

  public PipelineCounts counts() {
    return processor.counts();
  }

  public SpoolState spoolState() {
    return processor.spoolState();
  }

  /** Span consumers that threw, in batches. */
  public long consumerFailures() {
    return consumerFailures.get();
  }

  /**
   * Refuses new spans and writes the accepted ones, waiting up to {@code timeout}; what is left
   * stays in the spool for the next start.
   */
  public boolean shutdown(Duration timeout) throws InterruptedException {
    return processor.close(timeout);
  }

  @Override
  public void close() throws InterruptedException {
    shutdown(Duration.ofSeconds(30));
  }
}
