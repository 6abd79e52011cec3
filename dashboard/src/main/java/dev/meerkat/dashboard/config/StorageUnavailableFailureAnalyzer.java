package dev.meerkat.dashboard.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or unreachable ClickHouse into a short startup message, not a stack trace. */
class StorageUnavailableFailureAnalyzer
    extends AbstractFailureAnalyzer<StorageUnavailableException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, StorageUnavailableException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Set MEERKAT_CLICKHOUSE_URL (and MEERKAT_CLICKHOUSE_DATABASE, _USER, _PASSWORD if needed)"
            + " to a running ClickHouse, e.g. MEERKAT_CLICKHOUSE_URL=http://127.0.0.1:8123",
        cause);
  }
}
