package dev.meerkat.store.query;

import java.util.List;
import java.util.Objects;

/**
 * Failed requests of one operation with one error type: what burned an availability SLO's budget.
 *
 * @param operation span name
 * @param errorType the span's status message, else the type of its {@code exception} event, else
 *     its {@code error.type} attribute (e.g. {@code 502}), else empty
 * @param requests sample-rate-weighted count of failed requests
 * @param exampleTraceIds a few traces with such a failure, in id order
 */
public record ErrorCause(
    String operation, String errorType, double requests, List<String> exampleTraceIds) {

  public ErrorCause {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(errorType, "errorType");
    exampleTraceIds = List.copyOf(exampleTraceIds);
  }
}
