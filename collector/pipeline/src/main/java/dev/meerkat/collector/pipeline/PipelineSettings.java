package dev.meerkat.collector.pipeline;

import java.time.Duration;

/**
 * Sizes and timings of one batching pipeline.
 *
 * @param queueCapacity most items waiting to be written; more are refused
 * @param batchSize most items per write
 * @param flushInterval longest time an item waits for its batch to fill
 * @param maxAttempts write attempts per batch for retryable failures (1 = no retry)
 * @param initialBackoff pause after the first failed attempt; doubles per attempt
 * @param maxBackoff longest pause between attempts
 */
public record PipelineSettings(
    int queueCapacity,
    int batchSize,
    Duration flushInterval,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff) {

  public PipelineSettings {
    if (queueCapacity < 1 || batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "queueCapacity, batchSize and maxAttempts must be positive: "
              + queueCapacity
              + ", "
              + batchSize
              + ", "
              + maxAttempts);
    }
    if (batchSize > queueCapacity) {
      throw new IllegalArgumentException(
          "batchSize " + batchSize + " exceeds queueCapacity " + queueCapacity);
    }
    if (flushInterval.isNegative() || initialBackoff.isNegative() || maxBackoff.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  /** 100,000 queued, batches of 5,000 or 1 s, 5 attempts with 100 ms to 5 s backoff. */
  public static PipelineSettings defaults() {
    return new PipelineSettings(
        100_000, 5_000, Duration.ofSeconds(1), 5, Duration.ofMillis(100), Duration.ofSeconds(5));
  }

  public PipelineSettings withQueueCapacity(int capacity) {
    return new PipelineSettings(
        capacity,
        Math.min(batchSize, capacity),
        flushInterval,
        maxAttempts,
        initialBackoff,
        maxBackoff);
  }

  public PipelineSettings withBatchSize(int size) {
    return new PipelineSettings(
        queueCapacity, size, flushInterval, maxAttempts, initialBackoff, maxBackoff);
  }

  public PipelineSettings withFlushInterval(Duration interval) {
    return new PipelineSettings(
        queueCapacity, batchSize, interval, maxAttempts, initialBackoff, maxBackoff);
  }

  public PipelineSettings withRetries(int attempts, Duration initial, Duration max) {
    return new PipelineSettings(queueCapacity, batchSize, flushInterval, attempts, initial, max);
  }
}
