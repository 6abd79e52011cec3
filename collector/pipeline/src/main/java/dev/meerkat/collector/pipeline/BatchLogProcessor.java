package dev.meerkat.collector.pipeline;

import dev.meerkat.collector.pipeline.codec.LogRecordCodec;
import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.write.LogWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Takes log records into the spool (acknowledged once durable) and writes them in batches. */
public final class BatchLogProcessor implements AutoCloseable {

  private final BatchProcessor<LogRecord> processor;

  private BatchLogProcessor(
      LogWriter writer, PipelineSettings settings, SpoolSettings spool, WriteObserver observer) {
    this.processor =
        new BatchProcessor<>(
            "logs",
            writer,
            settings,
            spool.journal("logs", new LogRecordCodec(), settings.queueCapacity()),
            observer);
  }

  public static BatchLogProcessor create(
      LogWriter writer, PipelineSettings settings, SpoolSettings spool, WriteObserver observer) {
    return new BatchLogProcessor(writer, settings, spool, observer);
  }

  /** Takes all of {@code logs} or none; the future says which, and why not. */
  public CompletableFuture<Admission> offer(List<LogRecord> logs) {
    return processor.offer(logs);
  }

  /** The most log records one request may hold. */
  public int capacity() {
    return processor.capacity();
  }

  public PipelineCounts counts() {
    return processor.counts();
  }

  public SpoolState spoolState() {
    return processor.spoolState();
  }

  /**
   * Refuses new log records and writes the accepted ones, waiting up to {@code timeout}; what is
   * left stays in the spool for the next start.
   */
  public boolean shutdown(Duration timeout) throws InterruptedException {
    return processor.close(timeout);
  }

  @Override
  public void close() throws InterruptedException {
    shutdown(Duration.ofSeconds(30));
  }
}
