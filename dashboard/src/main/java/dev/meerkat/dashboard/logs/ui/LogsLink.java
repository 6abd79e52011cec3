package dev.meerkat.dashboard.logs.ui;

import com.vaadin.flow.router.QueryParameters;
import dev.meerkat.dashboard.logs.domain.LogLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The logs page's filters as URL query parameters ({@code ?service=&level=&text=&traceId=},
 * defaults left out; the time picker adds its own keys). A link with a severity the page does not
 * know opens with every severity and says so.
 */
record LogsLink(
    Optional<String> service,
    LogLevel level,
    Optional<String> text,
    Optional<String> traceId,
    Optional<String> problem) {

  static LogsLink read(QueryParameters parameters) {
    Optional<String> levelText = parameters.getSingleParameter("level");
    Optional<LogLevel> level = levelText.flatMap(LogLevel::ofLabel);
    Optional<String> problem = Optional.empty();
    if (levelText.isPresent() && level.isEmpty()) {
      problem =
          Optional.of(
              "Unknown severity in the link; use any, TRACE, DEBUG, INFO, WARN, ERROR or FATAL.");
    }
    return new LogsLink(
        parameters.getSingleParameter("service"),
        level.orElse(LogLevel.ANY),
        parameters.getSingleParameter("text"),
        parameters.getSingleParameter("traceId"),
        problem);
  }

  /** The query parameters of these filters. */
  static QueryParameters write(String service, LogLevel level, String text, String traceId) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (service != null && !service.isBlank()) {
      parameters.put("service", service);
    }
    if (level != LogLevel.ANY) {
      parameters.put("level", level.label());
    }
    if (!text.isEmpty()) {
      parameters.put("text", text);
    }
    if (!traceId.isBlank()) {
      parameters.put("traceId", traceId.strip());
    }
    return QueryParameters.simple(parameters);
  }
}
