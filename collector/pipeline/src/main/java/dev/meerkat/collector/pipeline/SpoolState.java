package dev.meerkat.collector.pipeline;

/**
 * What one signal holds in its spool now, for {@code /health} and {@code /metrics}.
 *
 * @param enabled whether the signal is spooled at all (all other fields 0 when not)
 * @param bytes bytes of its segment files
 * @param segments segment files
 * @param pendingItems items acknowledged and not yet stored
 * @param oldestUnsentMillis age of the oldest acknowledged item not yet stored; 0 when none
 */
public record SpoolState(
    boolean enabled, long bytes, int segments, long pendingItems, long oldestUnsentMillis) {}
