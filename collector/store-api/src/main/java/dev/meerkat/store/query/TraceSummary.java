package dev.meerkat.store.query;

import java.time.Instant;

/**
 * A trace as seen from one service: its root span, or a server span the service handled.
 *
 * @param traceId hex trace id
 * @param spanId hex id of the listed span
 * @param name span name (operation)
 * @param kind span kind, e.g. SERVER
 * @param start span start, nanosecond precision
 * @param durationNanos span duration
 * @param status UNSET, OK or ERROR
 */
public record TraceSummary(
    String traceId,
    String spanId,
    String name,
    String kind,
    Instant start,
    long durationNanos,
    String status) {

  public boolean isError() {
    return "ERROR".equals(status);
  }
}
