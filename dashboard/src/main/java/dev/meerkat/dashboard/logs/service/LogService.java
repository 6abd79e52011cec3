package dev.meerkat.dashboard.logs.service;

import dev.meerkat.dashboard.logs.domain.LogLevel;
import dev.meerkat.dashboard.logs.domain.LogSearch;
import dev.meerkat.store.query.ServiceMetricsRepository;
import dev.meerkat.store.query.log.LogPage;
import dev.meerkat.store.query.log.LogQuery;
import dev.meerkat.store.query.log.LogRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** Log searches of the logs page, a page of {@link #PAGE_SIZE} records at a time. */
@Service
public class LogService {

  static final int PAGE_SIZE = 100;

  /** Records may be stamped a little in the future of this clock (skewed hosts). */
  static final Duration FUTURE_SLACK = Duration.ofMinutes(1);

  private final LogRepository logs;
  private final ServiceMetricsRepository metrics;
  private final Clock clock;

  LogService(LogRepository logs, ServiceMetricsRepository metrics, Clock clock) {
    this.logs = logs;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * The store query for {@code search}; its later pages ({@link LogQuery#withCursor}) cover the
   * same instants as the first.
   */
  public LogQuery query(LogSearch search) {
    LogQuery query = LogQuery.between(search.from(), search.to()).withLimit(PAGE_SIZE);
    if (search.level() != LogLevel.ANY) {
      query = query.withMinSeverity(search.level().minSeverity());
    }
    query = search.service().map(query::withService).orElse(query);
    query = search.text().map(query::withText).orElse(query);
    return search.traceId().map(query::withTraceId).orElse(query);
  }

  /** One page of {@code query}, newest first. */
  public LogPage page(LogQuery query) {
    return logs.search(query);
  }

  /** Services that served requests in the last week, for the service filter. */
  public List<String> services() {
    Instant now = clock.instant();
    return metrics.serviceNames(now.minus(Duration.ofDays(7)), now.plus(FUTURE_SLACK));
  }
}
