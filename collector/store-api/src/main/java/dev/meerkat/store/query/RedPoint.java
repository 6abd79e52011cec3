package dev.meerkat.store.query;

import java.time.Instant;

/**
 * One step of a RED series: the requests that started in [start, start + step), clipped to the
 * queried window.
 *
 * @param start start of the step (a multiple of the step since the epoch, or the window start)
 * @param requests sample-weighted requests in the step
 * @param requestsPerSecond requests divided by the step's length within the window
 * @param errorRatio failed / all requests, 0 when there were none
 * @param p50Millis median latency in ms (bucket upper bound), NaN without requests
 * @param p95Millis 95th percentile latency in ms (bucket upper bound), NaN without requests
 * @param p99Millis 99th percentile latency in ms (bucket upper bound), NaN without requests
 */
public record RedPoint(
    Instant start,
    double requests,
    double requestsPerSecond,
    double errorRatio,
    double p50Millis,
    double p95Millis,
    double p99Millis) {}
