package dev.meerkat.dashboard.slo.domain;

/**
 * One cell of the RED rollup (summed over any time range): the sample-rate-weighted number of
 * requests of one operation with one error flag in one latency bucket.
 *
 * @param operation span name
 * @param error whether the spans had status ERROR
 * @param latencyBucket log-scale bucket: b holds durations in [2^(b/4), 2^((b+1)/4)) microseconds
 * @param requests sample-rate-weighted count
 */
public record RollupCell(String operation, boolean error, int latencyBucket, double requests) {}
