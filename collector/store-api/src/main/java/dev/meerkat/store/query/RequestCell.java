package dev.meerkat.store.query;

/**
 * The requests (SERVER and CONSUMER spans) of one service with one operation, error flag and
 * latency bucket, summed over a time range of the per-minute rollup and weighted by sample rate.
 *
 * @param operation span name
 * @param error whether the spans had status ERROR
 * @param latencyBucket bucket b holds durations in [2^(b/4), 2^((b+1)/4)) microseconds
 * @param requests sample-rate-weighted count
 */
public record RequestCell(String operation, boolean error, int latencyBucket, double requests) {}
