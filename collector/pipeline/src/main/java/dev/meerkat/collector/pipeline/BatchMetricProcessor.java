package dev.meerkat.collector.pipeline;

import dev.meerkat.collector.pipeline.codec.MetricPointRecordCodec;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.write.MetricWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Takes metric points into the spool (acknowledged once durable) and writes them in batches. */
public final class BatchMetricProcessor implements AutoCloseable {

  private final BatchProcessor<MetricPointRecord> processor;

  private BatchMetricProcessor(
      MetricWriter writer, PipelineSettings settings, SpoolSettings spool, WriteObserver observer) {
    this.processor =
        new BatchProcessor<>(
            "metric_points",
            writer,
            settings,
            spool.journal("metric_points", new MetricPointRecordCodec(), settings.queueCapacity()),
            observer);
  }

  public static BatchMetricProcessor create(
      MetricWriter writer, PipelineSettings settings, SpoolSettings spool, WriteObserver observer) {
    return new BatchMetricProcessor(writer, settings, spool, observer);
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

  public SpoolState spoolState() {
    return processor.spoolState();
  }

  /**
   * Refuses new points and writes the accepted ones, waiting up to {@code timeout}; what is left
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
