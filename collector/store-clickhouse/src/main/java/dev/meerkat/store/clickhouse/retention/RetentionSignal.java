package dev.meerkat.store.clickhouse.retention;

import java.util.Map;
import java.util.Optional;

/** The signals whose retention is configured separately, and which tables hold each. */
public enum RetentionSignal {
  SPANS,
  METRICS,
  LOGS,
  ROLLUPS;

  /**
   * The one place that says which table belongs to which signal. A table missing here is never
   * dropped from (SLO definitions, alert history); a table listed here that does not exist yet is
   * skipped.
   */
  private static final Map<String, RetentionSignal> SIGNAL_BY_TABLE =
      Map.ofEntries(
          Map.entry("spans", SPANS),
          Map.entry("spans_by_time", SPANS),
          Map.entry("span_errors", SPANS),
          Map.entry("metric_points", METRICS),
          Map.entry("logs", LOGS),
          Map.entry("log_trace_index", LOGS),
          Map.entry("span_red_1m", ROLLUPS),
          Map.entry("span_red_1h", ROLLUPS),
          Map.entry("span_red_1d", ROLLUPS),
          Map.entry("service_graph_1m", ROLLUPS),
          Map.entry("service_graph_1h", ROLLUPS),
          Map.entry("server_addresses_1h", ROLLUPS),
          Map.entry("service_instances_1h", ROLLUPS),
          Map.entry("trace_index", ROLLUPS),
          Map.entry("spans_by_trace", ROLLUPS));

  /** The signal of {@code table} (its logical name, without {@code _local}). */
  public static Optional<RetentionSignal> ofTable(String table) {
    return Optional.ofNullable(SIGNAL_BY_TABLE.get(table));
  }

  static Iterable<String> tables() {
    return SIGNAL_BY_TABLE.keySet();
  }
}
