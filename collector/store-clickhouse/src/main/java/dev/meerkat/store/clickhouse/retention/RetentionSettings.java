package dev.meerkat.store.clickhouse.retention;

/**
 * How many days of each signal to keep; 0 keeps it forever. Which table holds which signal is
 * {@link RetentionSignal#ofTable(String)}.
 */
public record RetentionSettings(int spansDays, int metricsDays, int logsDays, int rollupsDays) {

  public RetentionSettings {
    requireNotNegative("MEERKAT_RETENTION_SPANS_DAYS", spansDays);
    requireNotNegative("MEERKAT_RETENTION_METRICS_DAYS", metricsDays);
    requireNotNegative("MEERKAT_RETENTION_LOGS_DAYS", logsDays);
    requireNotNegative("MEERKAT_RETENTION_ROLLUPS_DAYS", rollupsDays);
  }

  /** Spans and logs 7 days, metric points 30, rollups (and the trace index) 90. */
  public static RetentionSettings defaults() {
    return new RetentionSettings(7, 30, 7, 90);
  }

  /** The days to keep of {@code signal}; 0 means forever. */
  public int days(RetentionSignal signal) {
    return switch (signal) {
      case SPANS -> spansDays;
      case METRICS -> metricsDays;
      case LOGS -> logsDays;
      case ROLLUPS -> rollupsDays;
    };
  }

  private static void requireNotNegative(String key, int days) {
    if (days < 0) {
      throw new IllegalArgumentException(key + " must be 0 (keep forever) or more, got " + days);
    }
  }
}
