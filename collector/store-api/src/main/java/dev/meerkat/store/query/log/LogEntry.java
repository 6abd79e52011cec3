package dev.meerkat.store.query.log;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored log record.
 *
 * @param time when the event happened (nanosecond precision); the observed time when the source
 *     gave none
 * @param observedTime when the collector's source saw it
 * @param severityNumber OTLP severity number, 0 unset, 1-24 TRACE..FATAL4 (see {@link
 *     SeverityRange})
 * @param severityText severity as the source named it, may be empty
 * @param body the message
 * @param traceId hex trace id, empty when not correlated
 * @param spanId hex span id, empty when not correlated
 * @param service service that emitted it
 * @param attributes log attributes, in recorded order
 * @param resource resource attributes, in recorded order
 * @param scopeName instrumentation scope, may be empty
 */
public record LogEntry(
    Instant time,
    Instant observedTime,
    int severityNumber,
    String severityText,
    String body,
    String traceId,
    String spanId,
    String service,
    Map<String, String> attributes,
    Map<String, String> resource,
    String scopeName) {

  public LogEntry {
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    resource = Collections.unmodifiableMap(new LinkedHashMap<>(resource));
  }

  /**
   * The severity to show: the source's own text when it sent one (a JUL {@code SEVERE} stays {@code
   * SEVERE}), else the data model's range name of the number ({@link SeverityRange#nameOf}), else
   * {@code ""}.
   */
  public String severityName() {
    return severityText.isEmpty() ? SeverityRange.nameOf(severityNumber) : severityText;
  }
}
