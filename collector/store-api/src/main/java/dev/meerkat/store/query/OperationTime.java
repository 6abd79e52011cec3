package dev.meerkat.store.query;

/**
 * The time one operation (span name and kind) of a service spent over a window: the sum of its
 * spans' durations, weighted by sample rate. Divided by the service's total it is the operation's
 * share of time.
 *
 * @param operation span name
 * @param kind span kind, e.g. SERVER or CLIENT
 * @param totalMillis sample-weighted sum of the span durations in ms
 */
public record OperationTime(String operation, String kind, double totalMillis) {}
