package dev.meerkat.store.query;

/**
 * The requests of one service with one error flag and latency bucket, summed over a time range.
 *
 * @param service service name
 * @param error whether the spans had status ERROR
 * @param latencyBucket bucket b holds durations in [2^(b/4), 2^((b+1)/4)) microseconds (see {@link
 *     LatencyHistogram#upperBoundMillis})
 * @param requests sample-rate-weighted count
 */
public record ServiceLatencyCell(
    String service, boolean error, int latencyBucket, double requests) {}
