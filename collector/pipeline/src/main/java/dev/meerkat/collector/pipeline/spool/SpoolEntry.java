package dev.meerkat.collector.pipeline.spool;

/**
 * One record read back from the spool.
 *
 * @param seq its sequence number, unique for the life of the spool directory
 * @param appendedMillis when it was appended (epoch milliseconds)
 * @param items how many items the payload holds
 * @param payload the codec's bytes
 * @param replayed whether it was appended before this process opened the spool (an earlier run may
 *     have stored it already)
 */
public record SpoolEntry(
    long seq, long appendedMillis, int items, byte[] payload, boolean replayed) {}
