package dev.meerkat.store.model;

import java.util.List;
import java.util.Objects;

/**
 * One span as stored in the {@code spans} table. Ids are lower-case hex; attributes are flattened
 * to parallel key/value string lists; {@code sampleRate} is how many spans this one stands for.
 */
public record SpanRecord(
    long startTimeUnixNano,
    long durationNanos,
    String traceId,
    String spanId,
    String parentSpanId,
    String traceState,
    String serviceName,
    String spanName,
    SpanKind kind,
    SpanStatus status,
    String statusMessage,
    String httpMethod,
    String httpRoute,
    int httpStatusCode,
    String peerService,
    double sampleRate,
    List<String> attributeKeys,
    List<String> attributeValues,
    List<String> resourceKeys,
    List<String> resourceValues,
    String scopeName,
    String scopeVersion) {

  public SpanRecord {
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(serviceName, "serviceName");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    if (attributeKeys.size() != attributeValues.size()
        || resourceKeys.size() != resourceValues.size()) {
      throw new IllegalArgumentException("attribute keys and values differ in length");
    }
  }

  /** Start time in whole seconds, the {@code start_time} DateTime column. */
  public long startTimeEpochSeconds() {
    return Math.floorDiv(startTimeUnixNano, 1_000_000_000L);
  }

  /** Whether the span ended in error. */
  public boolean isError() {
    return status == SpanStatus.ERROR;
  }
}
