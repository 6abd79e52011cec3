package dev.meerkat.collector.pipeline.spool;

/**
 * A snapshot of one spool.
 *
 * @param bytes bytes of all its segment files
 * @param segments segment files
 * @param pendingItems items appended and not yet stored
 * @param pendingRecords records (requests) appended and not yet stored
 */
public record SpoolStats(long bytes, int segments, long pendingItems, long pendingRecords) {}
