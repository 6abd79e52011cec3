package dev.meerkat.store.query;

/**
 * RED summary of one operation (span name and kind) of a service over a time window.
 *
 * @param service service name
 * @param operation span name
 * @param kind span kind, e.g. SERVER or CLIENT
 * @param spans sample-weighted number of spans in the window
 * @param perSecond spans divided by the window length in seconds
 * @param errorRatio spans with status ERROR / all spans, 0 when there were none
 * @param p50Millis median duration in ms (bucket upper bound)
 * @param p95Millis 95th percentile duration in ms (bucket upper bound)
 * @param p99Millis 99th percentile duration in ms (bucket upper bound)
 */
public record OperationSummary(
    String service,
    String operation,
    String kind,
    double spans,
    double perSecond,
    double errorRatio,
    double p50Millis,
    double p95Millis,
    double p99Millis) {}
