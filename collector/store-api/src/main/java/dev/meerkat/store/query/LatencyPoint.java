package dev.meerkat.store.query;

import java.time.Instant;

/**
 * One minute of a service's request latency, from SERVER and CONSUMER spans.
 *
 * @param minute start of the minute
 * @param requestsPerSecond sample-weighted requests in the minute / 60
 * @param p50Millis median latency in ms (bucket upper bound)
 * @param p99Millis 99th percentile latency in ms (bucket upper bound)
 */
public record LatencyPoint(
    Instant minute, double requestsPerSecond, double p50Millis, double p99Millis) {}
