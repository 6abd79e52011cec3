package dev.meerkat.collector.pipeline;

import java.util.List;

/**
 * One accepted request as the journal hands it to the writers.
 *
 * @param seq its position in the journal
 * @param token stable across retries and restarts, stored with its rows for exactly-once inserts
 * @param items its items
 * @param appendedMillis when it was accepted (epoch milliseconds)
 * @param replayed whether an earlier run may already have stored it
 */
record JournalEntry<T>(
    long seq, String token, List<T> items, long appendedMillis, boolean replayed) {}
