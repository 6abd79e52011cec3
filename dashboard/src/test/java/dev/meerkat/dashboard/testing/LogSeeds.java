package dev.meerkat.dashboard.testing;

import dev.meerkat.store.model.LogRecord;
import java.time.Instant;
import java.util.List;

/**
 * Log records for tests to write with the collector's {@code ClickHouseLogWriter}: one service
 * resource attribute, no log attributes, observed when they happened, from one instrumentation
 * scope.
 *
 * @param scopeName instrumentation scope of every record
 * @param scopeVersion its version, may be empty
 */
public record LogSeeds(String scopeName, String scopeVersion) {

  /** The scope most tests seed with. */
  public static final LogSeeds SEED = new LogSeeds("seed", "1.0");

  /**
   * A record of {@code service} at {@code time}; {@code traceId} and {@code spanId} empty for an
   * uncorrelated line.
   */
  public LogRecord log(
      Instant time,
      int severity,
      String severityText,
      String body,
      String traceId,
      String spanId,
      String service) {
    long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
    return new LogRecord(
        nanos,
        nanos,
        severity,
        severityText,
        body,
        traceId,
        spanId,
        0,
        "",
        service,
        List.of(),
        List.of(),
        List.of("service.name"),
        List.of(service),
        scopeName,
        scopeVersion);
  }
}
