package dev.meerkat.dashboard.api;

import dev.meerkat.dashboard.logs.domain.LogLevel;
import dev.meerkat.store.query.log.LogEntry;
import dev.meerkat.store.query.log.LogPage;
import dev.meerkat.store.query.log.LogQuery;
import dev.meerkat.store.query.log.LogRepository;
import dev.meerkat.store.query.log.SeverityRange;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Log search by service, severity, text and trace, newest first, with paging. */
@RestController
class LogsApi {

  private final LogRepository logs;
  private final Clock clock;

  LogsApi(LogRepository logs, Clock clock) {
    this.logs = logs;
    this.clock = clock;
  }

  record Logs(Instant from, Instant to, List<LogEntry> logs, String nextCursor) {}

  @GetMapping("/api/v1/logs")
  Logs search(
      @RequestParam(name = "service", required = false) String service,
      @RequestParam(name = "severity", required = false) String severity,
      @RequestParam(name = "text", required = false) String text,
      @RequestParam(name = "traceId", required = false) String traceId,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "window", required = false) String window,
      @RequestParam(name = "limit", required = false) String limit,
      @RequestParam(name = "cursor", required = false) String cursor) {
    QueryWindow range = QueryWindow.resolve(from, to, window, clock);
    LogQuery query =
        LogQuery.between(range.from(), range.to())
            .withLimit(
                Parameters.integer("limit", limit, 1, LogQuery.MAX_LIMIT, LogQuery.DEFAULT_LIMIT));
    if (service != null) {
      query = query.withService(service);
    }
    if (severity != null) {
      query = query.withMinSeverity(minSeverity(severity));
    }
    if (text != null) {
      query = query.withText(text);
    }
    if (traceId != null) {
      query = query.withTraceId(traceId.toLowerCase(Locale.ROOT));
    }
    if (cursor != null) {
      query = query.withCursor(cursor);
    }
    LogPage page = search(query, cursor);
    return new Logs(range.from(), range.to(), page.logs(), page.nextCursor().orElse(null));
  }

  /** A level name (records of that level and worse) or an OTLP severity number 1 to 24. */
  private static int minSeverity(String severity) {
    Optional<LogLevel> named = LogLevel.ofLabel(severity).filter(level -> level != LogLevel.ANY);
    if (named.isPresent()) {
      return named.get().minSeverity();
    }
    try {
      int number = Integer.parseInt(severity);
      if (number >= 1 && number <= SeverityRange.MAX) {
        return number;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadParameterException(
        "severity", "trace, debug, info, warn, error, fatal or a number from 1 to 24", severity);
  }

  private LogPage search(LogQuery query, String cursor) {
    return Parameters.paged(cursor, () -> logs.search(query));
  }
}
