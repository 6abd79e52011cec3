package dev.meerkat.agent.tooling;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;

/** The status and error rules of the HTTP semantic conventions, shared by client and server. */
final class HttpOutcome {
  private HttpOutcome() {}

  /**
   * Sets the status code, error type, exception and span status; returns the error type, or null
   * when the call did not fail. {@code errorFrom} is 400 on the client side and 500 on the server
   * side (a 4xx is the client's fault).
   */
  static String apply(Span span, int status, Throwable error, int errorFrom) {
    if (status > 0) {
      span.setAttribute(HttpAttributes.HTTP_RESPONSE_STATUS_CODE, (long) status);
    }
    String errorType = null;
    if (error != null) {
      errorType = error.getClass().getName();
      span.recordException(error);
    } else if (status >= errorFrom) {
      errorType = String.valueOf(status);
    }
    if (errorType != null) {
      span.setAttribute(HttpAttributes.ERROR_TYPE, errorType);
      span.setStatus(StatusCode.ERROR);
    }
    return errorType;
  }
}
