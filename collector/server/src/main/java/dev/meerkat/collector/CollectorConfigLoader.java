package dev.meerkat.collector;

import dev.meerkat.collector.pipeline.PipelineSettings;
import dev.meerkat.collector.pipeline.SpoolSettings;
import dev.meerkat.collector.pipeline.spool.FsyncPolicy;
import dev.meerkat.collector.receiver.IngestLimits;
import dev.meerkat.store.clickhouse.retention.RetentionSettings;
import dev.meerkat.store.clickhouse.schema.ClusterSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Builds {@link CollectorConfig} from environment variables ({@code MEERKAT_OTLP_HTTP_PORT}) and
 * system properties ({@code meerkat.otlp.http.port}, which win). Unknown Meerkat keys are rejected,
 * so a typo does not silently fall back to a default.
 */
public final class CollectorConfigLoader {

  static final List<String> KEYS =
      List.of(
          "MEERKAT_CLICKHOUSE_URL",
          "MEERKAT_CLICKHOUSE_DATABASE",
          "MEERKAT_CLICKHOUSE_USER",
          "MEERKAT_CLICKHOUSE_PASSWORD",
          "MEERKAT_CLICKHOUSE_BINARY",
          "MEERKAT_OTLP_HTTP_PORT",
          "MEERKAT_ADMIN_PORT",
          "MEERKAT_DATA_DIR",
          "MEERKAT_EMBEDDED_CLICKHOUSE_HTTP_PORT",
          "MEERKAT_EMBEDDED_CLICKHOUSE_TCP_PORT",
          "MEERKAT_QUEUE_SIZE",
          "MEERKAT_BATCH_SIZE",
          "MEERKAT_FLUSH_INTERVAL_MS",
          "MEERKAT_MAX_BODY_BYTES",
          "MEERKAT_MAX_ATTRIBUTES_PER_SPAN",
          "MEERKAT_MAX_EVENTS_PER_SPAN",
          "MEERKAT_MAX_LINKS_PER_SPAN",
          "MEERKAT_MAX_ATTRIBUTE_VALUE_LENGTH",
          "MEERKAT_OTLP_GRPC_PORT",
          "MEERKAT_RETENTION_SPANS_DAYS",
          "MEERKAT_RETENTION_METRICS_DAYS",
          "MEERKAT_RETENTION_LOGS_DAYS",
          "MEERKAT_RETENTION_ROLLUPS_DAYS",
          "MEERKAT_CLICKHOUSE_CLUSTER",
          "MEERKAT_CLICKHOUSE_SHARD_URLS",
          "MEERKAT_CLICKHOUSE_ON_CLUSTER",
          "MEERKAT_CLICKHOUSE_REPLICATED",
          "MEERKAT_WRITERS",
          "MEERKAT_SPOOL_ENABLED",
          "MEERKAT_SPOOL_DIR",
          "MEERKAT_SPOOL_MAX_BYTES",
          "MEERKAT_SPOOL_SEGMENT_BYTES",
          "MEERKAT_SPOOL_FSYNC",
          "MEERKAT_SPOOL_FSYNC_INTERVAL_MS",
          "MEERKAT_INGEST_TOKENS",
          "MEERKAT_INGEST_TOKENS_FILE",
          "MEERKAT_OTLP_TLS_CERT_FILE",
          "MEERKAT_OTLP_TLS_KEY_FILE",
          "MEERKAT_OTLP_BIND_ADDRESS",
          "MEERKAT_ADMIN_BIND_ADDRESS",
          "MEERKAT_INGEST_RATE_LIMIT",
          "MEERKAT_INGEST_RATE_BURST");
  // Other Meerkat programs read these (the agent, the dashboard's Spring namespaces meerkat.slo,
  // meerkat.demo, meerkat.public-url, ..., the launcher script, the tests and benchmarks); the same
  // shell, or `./meerkat demo`, may hold them for all programs at once.
  static final List<String> OTHER_PROGRAMS_PREFIXES =
      List.of(
          "MEERKAT_AGENT_",
          "MEERKAT_DASHBOARD_",
          "MEERKAT_SLO_",
          "MEERKAT_ALERTING_",
          "MEERKAT_NOTIFY_",
          "MEERKAT_DEMO_",
          "MEERKAT_PUBLIC_URL",
          "MEERKAT_PUBLICURL",
          "MEERKAT_SECURITY_",
          "MEERKAT_STATE_",
          "MEERKAT_TEST_",
          "MEERKAT_BENCH_",
          "MEERKAT_HOME",
          "MEERKAT_JAVA_HOME",
          "MEERKAT_APT_UPDATED");

  // IPv4 octets 0-255, or anything with a colon (InetAddress parses IPv6 literals without DNS).
  private static final Pattern IP_LITERAL =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1?\\d?\\d)"
              + "|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private CollectorConfigLoader() {}

  /** Loads from this process's environment and system properties. */
  public static CollectorConfig load() {
    return load(System.getenv(), System.getProperties());
  }

  public static CollectorConfig load(Map<String, String> environment, Properties properties) {
    Map<String, String> values = new HashMap<>();
    Set<String> unknown = new TreeSet<>();
    environment.forEach((key, value) -> collect(key, key, value, values, unknown));
    for (String name : properties.stringPropertyNames()) {
      if (name.startsWith("meerkat.")) {
        String key = name.toUpperCase(Locale.ROOT).replace('.', '_');
        collect(name, key, properties.getProperty(name), values, unknown);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          "Unknown configuration keys "
              + unknown
              + ". Known keys: "
              + KEYS
              + " (or as system properties, e.g. meerkat.otlp.http.port).");
    }
    Reader reader = new Reader(values);
    PipelineSettings pipeline =
        PipelineSettings.defaults()
            .withQueueCapacity(reader.integer("MEERKAT_QUEUE_SIZE", 100_000))
            .withBatchSize(reader.integer("MEERKAT_BATCH_SIZE", 50_000))
            .withWriters(reader.integer("MEERKAT_WRITERS", 2))
            .withFlushInterval(
                Duration.ofMillis(reader.integer("MEERKAT_FLUSH_INTERVAL_MS", 1_000)));
    Path dataDir = Path.of(reader.string("MEERKAT_DATA_DIR", "./data"));
    return new CollectorConfig(
        reader.optional("MEERKAT_CLICKHOUSE_URL"),
        reader.string("MEERKAT_CLICKHOUSE_DATABASE", "meerkat"),
        reader.string("MEERKAT_CLICKHOUSE_USER", "default"),
        reader.string("MEERKAT_CLICKHOUSE_PASSWORD", ""),
        reader.optional("MEERKAT_CLICKHOUSE_BINARY").map(Path::of),
        reader.port("MEERKAT_OTLP_HTTP_PORT", 4318),
        reader.port("MEERKAT_ADMIN_PORT", 8888),
        dataDir,
        reader.port("MEERKAT_EMBEDDED_CLICKHOUSE_HTTP_PORT", 18123),
        reader.port("MEERKAT_EMBEDDED_CLICKHOUSE_TCP_PORT", 19000),
        pipeline,
        pipeline,
        reader.integer("MEERKAT_MAX_BODY_BYTES", 32 * 1024 * 1024),
        pipeline,
        ingestLimits(reader),
        new OtlpGrpcSettings(reader.port("MEERKAT_OTLP_GRPC_PORT", 4317)),
        retention(reader),
        cluster(reader),
        spool(reader, dataDir),
        ingestSecurity(reader));
  }

  private static IngestSecuritySettings ingestSecurity(Reader reader) {
    Optional<Path> cert = reader.optional("MEERKAT_OTLP_TLS_CERT_FILE").map(Path::of);
    Optional<Path> key = reader.optional("MEERKAT_OTLP_TLS_KEY_FILE").map(Path::of);
    if (cert.isPresent() != key.isPresent()) {
      throw new IllegalArgumentException(
          "TLS needs both MEERKAT_OTLP_TLS_CERT_FILE (PEM certificate chain) and"
              + " MEERKAT_OTLP_TLS_KEY_FILE (PEM PKCS#8 private key); only "
              + (cert.isPresent() ? "MEERKAT_OTLP_TLS_CERT_FILE" : "MEERKAT_OTLP_TLS_KEY_FILE")
              + " is set");
    }
    int rate = reader.integer("MEERKAT_INGEST_RATE_LIMIT", 0);
    if (rate < 0) {
      throw new IllegalArgumentException(
          "MEERKAT_INGEST_RATE_LIMIT must be requests per second >= 0 (0: no limit), got " + rate);
    }
    int burst = reader.integer("MEERKAT_INGEST_RATE_BURST", Math.max(1, rate));
    if (burst < 1) {
      throw new IllegalArgumentException(
          "MEERKAT_INGEST_RATE_BURST must be at least 1 request, got " + burst);
    }
    return new IngestSecuritySettings(
        IngestTokensParser.parse(
            reader.optional(IngestTokensParser.INLINE_KEY),
            reader.optional(IngestTokensParser.FILE_KEY).map(Path::of)),
        cert.map(file -> new IngestSecuritySettings.TlsFiles(file, key.get())),
        reader.address("MEERKAT_OTLP_BIND_ADDRESS", "0.0.0.0"),
        reader.address("MEERKAT_ADMIN_BIND_ADDRESS", "127.0.0.1"),
        rate,
        burst);
  }

  private static IngestLimits ingestLimits(Reader reader) {
    IngestLimits defaults = IngestLimits.defaults();
    return new IngestLimits(
        reader.integer("MEERKAT_MAX_ATTRIBUTES_PER_SPAN", defaults.maxAttributes()),
        reader.integer("MEERKAT_MAX_EVENTS_PER_SPAN", defaults.maxEventsPerSpan()),
        reader.integer("MEERKAT_MAX_LINKS_PER_SPAN", defaults.maxLinksPerSpan()),
        reader.integer("MEERKAT_MAX_ATTRIBUTE_VALUE_LENGTH", defaults.maxAttributeValueLength()));
  }

  private static RetentionSettings retention(Reader reader) {
    RetentionSettings defaults = RetentionSettings.defaults();
    return new RetentionSettings(
        reader.integer("MEERKAT_RETENTION_SPANS_DAYS", defaults.spansDays()),
        reader.integer("MEERKAT_RETENTION_METRICS_DAYS", defaults.metricsDays()),
        reader.integer("MEERKAT_RETENTION_LOGS_DAYS", defaults.logsDays()),
        reader.integer("MEERKAT_RETENTION_ROLLUPS_DAYS", defaults.rollupsDays()));
  }

  private static ClusterSettings cluster(Reader reader) {
    List<String> shardUrls = new ArrayList<>();
    for (String url : reader.string("MEERKAT_CLICKHOUSE_SHARD_URLS", "").split(",")) {
      if (!url.isBlank()) {
        shardUrls.add(url.strip());
      }
    }
    ClusterSettings cluster =
        new ClusterSettings(
            reader.string("MEERKAT_CLICKHOUSE_CLUSTER", ""),
            shardUrls,
            flag(reader, "MEERKAT_CLICKHOUSE_ON_CLUSTER"),
            flag(reader, "MEERKAT_CLICKHOUSE_REPLICATED"));
    if (cluster.enabled() && reader.optional("MEERKAT_CLICKHOUSE_URL").isEmpty()) {
      throw new IllegalArgumentException(
          "MEERKAT_CLICKHOUSE_CLUSTER needs MEERKAT_CLICKHOUSE_URL (a server of the cluster, or a"
              + " load balancer in front of them): the embedded ClickHouse is one server");
    }
    return cluster;
  }

  private static boolean flag(Reader reader, String key) {
    String value = reader.string(key, "false");
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException(key + " must be true or false, got '" + value + "'");
    }
    return value.equals("true");
  }

  private static SpoolSettings spool(Reader reader, Path dataDir) {
    String enabled = reader.string("MEERKAT_SPOOL_ENABLED", "true").toLowerCase(Locale.ROOT);
    if (!enabled.equals("true") && !enabled.equals("false")) {
      throw new IllegalArgumentException(
          "MEERKAT_SPOOL_ENABLED must be true or false, got '" + enabled + "'");
    }
    String fsync = reader.string("MEERKAT_SPOOL_FSYNC", "always").toUpperCase(Locale.ROOT);
    if (!fsync.equals("ALWAYS") && !fsync.equals("INTERVAL")) {
      throw new IllegalArgumentException(
          "MEERKAT_SPOOL_FSYNC must be always or interval, got '"
              + fsync.toLowerCase(Locale.ROOT)
              + "'");
    }
    long maxBytes = reader.bytes("MEERKAT_SPOOL_MAX_BYTES", SpoolSettings.DEFAULT_MAX_BYTES);
    return new SpoolSettings(
        enabled.equals("true"),
        reader.optional("MEERKAT_SPOOL_DIR").map(Path::of).orElse(dataDir.resolve("spool")),
        maxBytes,
        Math.min(
            maxBytes,
            reader.bytes("MEERKAT_SPOOL_SEGMENT_BYTES", SpoolSettings.DEFAULT_SEGMENT_BYTES)),
        FsyncPolicy.valueOf(fsync),
        Duration.ofMillis(reader.integer("MEERKAT_SPOOL_FSYNC_INTERVAL_MS", 100)));
  }

  private static void collect(
      String source, String key, String value, Map<String, String> values, Set<String> unknown) {
    if (!key.startsWith("MEERKAT_")) {
      return;
    }
    for (String prefix : OTHER_PROGRAMS_PREFIXES) {
      if (key.startsWith(prefix)) {
        return;
      }
    }
    if (KEYS.contains(key)) {
      values.put(key, value);
    } else {
      unknown.add(source);
    }
  }

  private record Reader(Map<String, String> values) {

    Optional<String> optional(String key) {
      String value = values.get(key);
      return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    String string(String key, String fallback) {
      return optional(key).orElse(fallback);
    }

    int integer(String key, int fallback) {
      Optional<String> value = optional(key);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        return Integer.parseInt(value.get());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            key + " must be a whole number, got '" + value.get() + "'");
      }
    }

    long bytes(String key, long fallback) {
      Optional<String> value = optional(key);
      if (value.isEmpty()) {
        return fallback;
      }
      try {
        long bytes = Long.parseLong(value.get());
        if (bytes < 1024) {
          throw new IllegalArgumentException(key + " must be at least 1024 bytes, got " + bytes);
        }
        return bytes;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            key + " must be a whole number of bytes, got '" + value.get() + "'");
      }
    }

    // IP literals only: a host name would make the bound address depend on DNS at start.
    InetAddress address(String key, String fallback) {
      String value = string(key, fallback);
      IllegalArgumentException notAnAddress =
          new IllegalArgumentException(
              key
                  + " must be an IP address (e.g. 127.0.0.1, 0.0.0.0 for all interfaces, :: for"
                  + " all IPv6 ones), got '"
                  + value
                  + "'");
      if (!IP_LITERAL.matcher(value).matches()) {
        throw notAnAddress;
      }
      try {
        return InetAddress.getByName(value);
      } catch (UnknownHostException e) {
        throw notAnAddress;
      }
    }

    int port(String key, int fallback) {
      int port = integer(key, fallback);
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(key + " must be a port 0-65535, got " + port);
      }
      return port;
    }
  }
}
