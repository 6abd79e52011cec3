package dev.meerkat.store.query.log;

import java.time.Instant;
import java.util.List;

/** Stored log records. */
public interface LogRepository {

  /**
   * One page of the records matching {@code query}, newest first; records with the same time come
   * in a fixed order, so paging neither repeats nor skips a record while no new ones arrive in the
   * window.
   */
  LogPage search(LogQuery query);

  /**
   * Every record correlated with one trace in [from, to), oldest first. The caller knows the
   * trace's time range from its spans; the window keeps the read to those days.
   */
  List<LogEntry> traceLogs(String traceId, Instant from, Instant to);
}
