package dev.meerkat.collector.pipeline;

import dev.meerkat.collector.pipeline.codec.LogRecordCodec;
import dev.meerkat.collector.pipeline.codec.MetricPointRecordCodec;
import dev.meerkat.collector.pipeline.codec.RecordCodec;
import dev.meerkat.store.model.LogRecord;
import dev.meerkat.store.model.MetricPointRecord;
import dev.meerkat.store.write.BatchWriter;
import dev.meerkat.store.write.LogWriter;
import dev.meerkat.store.write.MetricWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Takes the records of one signal into the spool (acknowledged once durable) and writes them in
 * batches: metric points and log records. Spans have {@link BatchSpanProcessor}, which also shows
 * accepted spans to the span consumers.
 *
 * @param <T> the record type
 */
public final class BatchRecordProcessor<T> implements AutoCloseable {

  private final BatchProcessor<T> processor;

  private BatchRecordProcessor(
      String signal,
      BatchWriter<T> writer,
      RecordCodec<T> codec,
      PipelineSettings settings,
      SpoolSettings spool,
      WriteObserver observer) {
    this.processor =
        new BatchProcessor<>(
            signal,
            writer,
            settings,
            spool.journal(signal, codec, settings.queueCapacity()),
            observer);
  }

  /** Metric points, spooled as {@code metric_points}. */
  public static BatchRecordProcessor<MetricPointRecord> metricPoints(
      MetricWriter writer, PipelineSettings settings, SpoolSettings spool, WriteObserver observer) {
    return new BatchRecordProcessor<>(
        "metric_points", writer, new MetricPointRecordCodec(), settings, spool, observer);
  }

  /** Log records, spooled as {@code logs}. */
  public static BatchRecordProcessor<LogRecord> logs(
      LogWriter writer, PipelineSettings settings, SpoolSettings spool, WriteObserver observer) {
    return new BatchRecordProcessor<>(
        "logs", writer, new LogRecordCodec(), settings, spool, observer);
  }

  /** Takes all of {@code records} or none; the future says which, and why not. */
  public CompletableFuture<Admission> offer(List<T> records) {
    return processor.offer(records);
  }

  /** The most records one request may hold. */
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
   * Refuses new records and writes the accepted ones, waiting up to {@code timeout}; what is left
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
