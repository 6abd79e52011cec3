package dev.meerkat.store.query;

import java.util.List;
import java.util.Objects;

/**
 * Failed requests of a service with one error type and message, over all its operations.
 *
 * @param type the type of the span's {@code exception} event, else its {@code error.type} attribute
 *     (e.g. {@code 502}), else empty
 * @param message the message of that exception event, else the span's status message, else empty
 * @param requests sample-rate-weighted count of failed requests
 * @param exampleTraceIds a few traces with such a failure, in id order
 */
public record ErrorGroup(
    String type, String message, double requests, List<String> exampleTraceIds) {

  public ErrorGroup {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    exampleTraceIds = List.copyOf(exampleTraceIds);
  }
}
