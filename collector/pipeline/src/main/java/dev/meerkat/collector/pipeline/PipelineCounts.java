package dev.meerkat.collector.pipeline;

/**
 * A snapshot of one pipeline's counters, in items (spans or metric points).
 *
 * @param accepted queued for writing
 * @param refused turned away because the queue was full (the sender was told to retry)
 * @param written stored
 * @param dropped accepted but given up: permanent write failure or retries exhausted
 * @param failedWrites failed write attempts, in batches (each retry counts)
 * @param queued waiting in the queue now
 */
public record PipelineCounts(
    long accepted, long refused, long written, long dropped, long failedWrites, int queued) {}
