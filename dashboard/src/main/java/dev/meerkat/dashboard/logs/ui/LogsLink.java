package dev.meerkat.dashboard.logs.ui;

import com.vaadin.flow.router.QueryParameters;
import dev.meerkat.dashboard.logs.domain.LogLevel;
import dev.meerkat.dashboard.services.domain.TimeRange;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The logs page's filters as URL query parameters ({@code ?service=&level=&text=&traceId=&window=},
 * defaults left out). A link with a value the page does not know opens with the default and says
 * so.
 */
record LogsLink(
    Optional<String> service,
    LogLevel level,
    Optional<String> text,
    Optional<String> traceId,
    TimeRange window,
    Optional<String> problem) {

  static final TimeRange DEFAULT_WINDOW = TimeRange.ONE_HOUR;

  static LogsLink read(QueryParameters parameters, Set<TimeRange> windows) {
    Optional<String> levelText = parameters.getSingleParameter("level");
    Optional<LogLevel> level = levelText.flatMap(LogLevel::ofLabel);
    Optional<String> windowText = parameters.getSingleParameter("window");
    Optional<TimeRange> window =
        windows.stream().filter(w -> windowText.filter(w.label()::equals).isPresent()).findFirst();
    Optional<String> problem = Optional.empty();
    if (levelText.isPresent() && level.isEmpty()) {
      problem =
          Optional.of(
              "Unknown severity in the link; use any, TRACE, DEBUG, INFO, WARN, ERROR or FATAL.");
    } else if (windowText.isPresent() && window.isEmpty()) {
      problem = Optional.of("Unknown window in the link; use 15m, 1h, 6h, 24h or 7d.");
    }
    return new LogsLink(
        parameters.getSingleParameter("service"),
        level.orElse(LogLevel.ANY),
        parameters.getSingleParameter("text"),
        parameters.getSingleParameter("traceId"),
        window.orElse(DEFAULT_WINDOW),
        problem);
  }

  /** The query string ({@code ""} or {@code ?...}) of these filters, percent-encoded. */
  static String write(
      String service, LogLevel level, String text, String traceId, TimeRange window) {
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
    if (window != DEFAULT_WINDOW) {
      parameters.put("window", window.label());
    }
    String query = QueryParameters.simple(parameters).getQueryString();
    return query.isEmpty() ? "" : "?" + query;
  }
}
