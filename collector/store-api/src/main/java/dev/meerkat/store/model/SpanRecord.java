package dev.meerkat.store.model;

import java.util.List;
import java.util.Objects;

/**
 * One span as stored in the {@code spans} table. Ids are lower-case hex; attributes are flattened
 * to parallel key/value string lists; {@code sampleRate} is how many spans this one stands for.
 * Events and links are stored in the span's own row as parallel arrays.
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
    String scopeVersion,
    List<SpanEvent> events,
    List<SpanLink> links) {

  public SpanRecord {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(links, "links");
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

  /** A span without events or links. */
  public SpanRecord(
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
    this(
        startTimeUnixNano,
        durationNanos,
        traceId,
        spanId,
        parentSpanId,
        traceState,
        serviceName,
        spanName,
        kind,
        status,
        statusMessage,
        httpMethod,
        httpRoute,
        httpStatusCode,
        peerService,
        sampleRate,
        attributeKeys,
        attributeValues,
        resourceKeys,
        resourceValues,
        scopeName,
        scopeVersion,
        List.of(),
        List.of());
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
