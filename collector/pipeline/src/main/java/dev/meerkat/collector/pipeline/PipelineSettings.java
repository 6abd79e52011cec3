package dev.meerkat.collector.pipeline;

import java.time.Duration;

/**
 * Sizes and timings of one batching pipeline.
 *
 * @param queueCapacity most items one request may hold; without a spool also the most items waiting
 *     in memory (more are refused)
 * @param batchSize items per write (a batch holds whole requests, so one large request may exceed
 *     it)
 * @param flushInterval longest time an item waits for its batch to fill
 * @param maxAttempts write attempts per batch for retryable failures without a spool (1 = no
 *     retry); with a spool retryable failures are retried forever
 * @param initialBackoff pause after the first failed attempt; doubles per attempt
 * @param maxBackoff longest pause between attempts
 * @param writers batches written concurrently
 */
public record PipelineSettings(
    int queueCapacity,
    int batchSize,
    Duration flushInterval,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    int writers) {

  public PipelineSettings {
    if (queueCapacity < 1 || batchSize < 1 || maxAttempts < 1 || writers < 1) {
      throw new IllegalArgumentException(
          "queueCapacity, batchSize, maxAttempts and writers must be positive: "
              + queueCapacity
              + ", "
              + batchSize
              + ", "
              + maxAttempts
              + ", "
              + writers);
    }
    if (batchSize > queueCapacity) {
      throw new IllegalArgumentException(
          "batchSize " + batchSize + " exceeds queueCapacity " + queueCapacity);
    }
    if (flushInterval.isNegative() || initialBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /** Settings with one writer, as before writers were configurable. */
  public PipelineSettings(
      int queueCapacity,
      int batchSize,
      Duration flushInterval,
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff) {
    this(queueCapacity, batchSize, flushInterval, maxAttempts, initialBackoff, maxBackoff, 1);
  }

  /**
   * 100,000 items per request at most, batches of 50,000 or 1 s (fewer, larger ClickHouse parts:
   * measured a third less ClickHouse CPU per span than 20,000), 2 writers, 5 attempts without a
   * spool, 100 ms to 5 s backoff.
   */
  public static PipelineSettings defaults() {
    return new PipelineSettings(
        100_000,
        50_000,
        Duration.ofSeconds(1),
        5,
        Duration.ofMillis(100),
        Duration.ofSeconds(5),
        2);
  }

  public PipelineSettings withQueueCapacity(int capacity) {
    return new PipelineSettings(
        capacity,
        Math.min(batchSize, capacity),
        flushInterval,
        maxAttempts,
        initialBackoff,
        maxBackoff,
        writers);
  }

  public PipelineSettings withBatchSize(int size) {
    return new PipelineSettings(
        queueCapacity, size, flushInterval, maxAttempts, initialBackoff, maxBackoff, writers);
  }

  public PipelineSettings withFlushInterval(Duration interval) {
    return new PipelineSettings(
        queueCapacity, batchSize, interval, maxAttempts, initialBackoff, maxBackoff, writers);
  }

  public PipelineSettings withRetries(int attempts, Duration initial, Duration max) {
    return new PipelineSettings(
        queueCapacity, batchSize, flushInterval, attempts, initial, max, writers);
  }

  public PipelineSettings withWriters(int count) {
    return new PipelineSettings(
        queueCapacity, batchSize, flushInterval, maxAttempts, initialBackoff, maxBackoff, count);
  }
}
