package dev.meerkat.dashboard.api;

import dev.meerkat.store.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Turns the API's failures into {@code {"message": ...}} with the right status. Only the
 * controllers of this package: the Vaadin views keep their own error handler.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler {

  private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(BadParameterException.class)
  ResponseEntity<ApiError> badParameter(BadParameterException e) {
    return answer(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return answer(HttpStatus.NOT_FOUND, e.getMessage());
  }

  /**
   * The telemetry store failed. A retryable failure (server down, timeout, overload) is 503 so that
   * scripts retry; anything else is our bug, 500. The store's own text stays in the log: it may
   * name hosts and tables.
   */
  @ExceptionHandler(StoreException.class)
  ResponseEntity<ApiError> storeFailed(StoreException e) {
    if (e.retryable()) {
      logger.warn("API call failed, ClickHouse unavailable: {}", e.getMessage());
      return answer(
          HttpStatus.SERVICE_UNAVAILABLE, "the telemetry store is unavailable, retry later");
    }
    logger.error("API call failed in the telemetry store", e);
    return answer(HttpStatus.INTERNAL_SERVER_ERROR, "the telemetry store failed the query");
  }

  private static ResponseEntity<ApiError> answer(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(new ApiError(message));
  }
}
