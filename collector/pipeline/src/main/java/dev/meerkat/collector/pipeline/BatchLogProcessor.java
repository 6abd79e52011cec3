package dev.meerkat.collector.pipeline;

import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.write.LogWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Queues log records (bounded) and writes them in batches on a worker thread. */
public final class BatchLogProcessor implements AutoCloseable {

  private final BatchProcessor<LogRecord> processor;

  private BatchLogProcessor(LogWriter writer, PipelineSettings settings, WriteObserver observer) {
    this.processor = new BatchProcessor<>("logs", writer::write, settings, observer);
  }

  public static BatchLogProcessor create(
      LogWriter writer, PipelineSettings settings, WriteObserver observer) {
    return new BatchLogProcessor(writer, settings, observer);
  }

  /** Takes all of {@code logs} or none; the future says which, and why not. */
  public CompletableFuture<Admission> offer(List<LogRecord> logs) {
    return processor.offer(logs);
  }

  /** The most logs one request may hold. */
  public int capacity() {
    return processor.capacity();
  }

  public PipelineCounts counts() {
    return processor.counts();
  }

  /** Refuses new logs and writes all queued ones, waiting up to {@code timeout}. */
  public boolean shutdown(Duration timeout) throws InterruptedException {
    return processor.close(timeout);
  }

  @Override
  public void close() throws InterruptedException {
    shutdown(Duration.ofSeconds(30));
  }
}
