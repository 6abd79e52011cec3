package dev.meerkat.collector.pipeline;

/**
 * A snapshot of one pipeline's counters, in items (spans, metric points, ...).
 *
 * @param accepted acknowledged: durable in the spool (or, without a spool, stored)
 * @param refused turned away (spool or queue full, closing, too large): the sender was told
 * @param written stored in ClickHouse
 * @param dropped accepted but given up: a permanent write failure (kept in the dead-letter file
 *     when spooled) or, without a spool, retries exhausted
 * @param failedWrites failed write attempts, in batches (each retry counts)
 * @param queued accepted and not yet stored (in the spool or in memory)
 * @param replayed read back from a spool an earlier run left
 */
public record PipelineCounts(
    long accepted,
    long refused,
    long written,
    long dropped,
    long failedWrites,
    long queued,
    long replayed) {}
