package dev.meerkat.store.query.graph;

/**
 * Calls from one service to one peer over a time window, from the client's CLIENT and PRODUCER
 * spans.
 *
 * @param client calling service
 * @param peer called node's name
 * @param type how it was called
 * @param calls sample-weighted calls in the window
 * @param callsPerSecond calls divided by the window length in seconds
 * @param errorRatio calls with status ERROR / all calls
 * @param p99Millis 99th percentile call duration as the client saw it, in ms (bucket upper bound)
 */
public record GraphEdge(
    String client,
    String peer,
    ConnectionType type,
    double calls,
    double callsPerSecond,
    double errorRatio,
    double p99Millis) {}
