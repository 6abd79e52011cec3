package dev.meerkat.dashboard.config;

import dev.meerkat.store.query.QueryLimitException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A query refused by the store's limits answers 400 with the limit's message (which range, which
 * setting, what to do) to every JSON endpoint, instead of a 500 and a stack trace.
 */
@RestControllerAdvice
class QueryLimitResponses {

  @ExceptionHandler(QueryLimitException.class)
  ResponseEntity<Map<String, String>> refused(QueryLimitException refused) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(Map.of("error", refused.getMessage()));
  }
}
