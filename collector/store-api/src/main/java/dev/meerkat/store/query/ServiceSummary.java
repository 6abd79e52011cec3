package dev.meerkat.store.query;

/**
 * RED summary of one service over a time window, from its SERVER and CONSUMER spans (the requests
 * it handles). A service seen only through client or internal spans has zero requests and NaN
 * latencies.
 *
 * @param service service name
 * @param requests sample-weighted number of requests in the window
 * @param requestsPerSecond requests divided by the window length (for a service first seen inside
 *     the window: by the time since its first minute)
 * @param errorRatio failed / all requests, 0 when there were none
 * @param p50Millis median latency in ms (bucket upper bound), NaN without requests
 * @param p95Millis 95th percentile latency in ms (bucket upper bound), NaN without requests
 * @param p99Millis 99th percentile latency in ms (bucket upper bound), NaN without requests
 */
public record ServiceSummary(
    String service,
    double requests,
    double requestsPerSecond,
    double errorRatio,
    double p50Millis,
    double p95Millis,
    double p99Millis) {

  public boolean hasRequests() {
    return requests > 0;
  }
}
