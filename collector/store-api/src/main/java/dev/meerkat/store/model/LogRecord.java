package dev.meerkat.store.model;

import java.util.List;
import java.util.Objects;

/**
 * One OTLP log record as stored in the {@code logs} table. {@code timeUnixNano} is when the event
 * happened (the sender's time, else its observed time, else when the collector received it); {@code
 * body} is the OTLP body as text (a string as-is, anything else as JSON). Ids are lower-case hex,
 * empty when the log is not correlated with a span.
 */
public record LogRecord(
    long timeUnixNano,
    long observedTimeUnixNano,
    int severityNumber,
    String severityText,
    String body,
    String traceId,
    String spanId,
    int flags,
    String eventName,
    String serviceName,
    List<String> attributeKeys,
    List<String> attributeValues,
    List<String> resourceKeys,
    List<String> resourceValues,
    String scopeName,
    String scopeVersion) {

  public LogRecord {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(traceId, "traceId");
    Objects.requireNonNull(spanId, "spanId");
    Objects.requireNonNull(serviceName, "serviceName");
    if (attributeKeys.size() != attributeValues.size()
        || resourceKeys.size() != resourceValues.size()) {
      throw new IllegalArgumentException("attribute keys and values differ in length");
    }
  }

  /** Time in whole seconds, the {@code timestamp} DateTime column. */
  public long timeEpochSeconds() {
    return Math.floorDiv(timeUnixNano, 1_000_000_000L);
  }
}
