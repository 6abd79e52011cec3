package dev.meerkat.store.query.log;

import java.util.List;
import java.util.Optional;

/**
 * One page of a log search, newest first.
 *
 * @param logs the records of this page
 * @param nextCursor pass to {@link LogQuery#withCursor(String)} for the next page; empty on the
 *     last page
 */
public record LogPage(List<LogEntry> logs, Optional<String> nextCursor) {

  public LogPage {
    logs = List.copyOf(logs);
  }
}
