package dev.meerkat.collector.pipeline;

import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.write.MetricWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Queues metric points (bounded) and writes them in batches on a worker thread. */
public final class BatchMetricProcessor implements AutoCloseable {

  private final BatchProcessor<MetricPointRecord> processor;

  private BatchMetricProcessor(
      MetricWriter writer, PipelineSettings settings, WriteObserver observer) {
    this.processor = new BatchProcessor<>("metric-points", writer::write, settings, observer);
  }

  public static BatchMetricProcessor create(
      MetricWriter writer, PipelineSettings settings, WriteObserver observer) {
    return new BatchMetricProcessor(writer, settings, observer);
  }

  /** Takes all of {@code points} or none; the future says which, and why not. */
  public CompletableFuture<Admission> offer(List<MetricPointRecord> points) {
    return processor.offer(points);
  }

  /** The most points one request may hold. */
  public int capacity() {
    return processor.capacity();
  }

  public PipelineCounts counts() {
    return processor.counts();
  }

  /** Refuses new points and writes all queued ones, waiting up to {@code timeout}. */
  public boolean shutdown(Duration timeout) throws InterruptedException {
    return processor.close(timeout);
  }

  @Override
  public void close() throws InterruptedException {
    shutdown(Duration.ofSeconds(30));
  }
}
