package dev.meerkat.collector;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Collector configurations for tests, built by the real {@link CollectorConfigLoader} from
 * environment-style settings: every port is 0 (any free port), batches flush after 50 ms, bodies up
 * to 4 MiB, and data is kept forever (test data carries fixed, old dates). A new setting needs no
 * change here or in any test.
 */
final class TestCollectorConfig {

  private TestCollectorConfig() {}

  /**
   * The defaults above for ClickHouse at {@code url}, database {@code database}, with the data
   * directory (the spool lives under it) at {@code dataDir}.
   */
  static CollectorConfig forDatabase(String url, String database, Path dataDir) {
    return with(url, database, dataDir, Map.of());
  }

  /** The defaults above, then {@code overrides} (MEERKAT_* keys) on top. */
  static CollectorConfig with(
      String url, String database, Path dataDir, Map<String, String> overrides) {
    Map<String, String> settings = new HashMap<>();
    settings.put("MEERKAT_DATA_DIR", dataDir.toString());
    settings.put("MEERKAT_CLICKHOUSE_URL", url);
    settings.put("MEERKAT_CLICKHOUSE_DATABASE", database);
    settings.put("MEERKAT_OTLP_HTTP_PORT", "0");
    settings.put("MEERKAT_OTLP_GRPC_PORT", "0");
    settings.put("MEERKAT_ADMIN_PORT", "0");
    settings.put("MEERKAT_FLUSH_INTERVAL_MS", "50");
    settings.put("MEERKAT_MAX_BODY_BYTES", Integer.toString(4 * 1024 * 1024));
    for (String signal : new String[] {"SPANS", "METRICS", "LOGS", "ROLLUPS"}) {
      settings.put("MEERKAT_RETENTION_" + signal + "_DAYS", "0");
    }
    settings.putAll(overrides);
    return CollectorConfigLoader.load(settings, new Properties());
  }
}
