package dev.meerkat.collector;

import dev.meerkat.collector.pipeline.PipelineSettings;
import dev.meerkat.collector.pipeline.SpoolSettings;
import dev.meerkat.collector.receiver.IngestLimits;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.retention.RetentionSettings;
import dev.meerkat.store.clickhouse.schema.ClusterSettings;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The collector's whole configuration, typed and immutable; built once by {@link
 * CollectorConfigLoader}.
 *
 * @param clickHouseUrl an existing server; empty to start an embedded one
 * @param clickHouseBinary the server binary for the embedded server; empty to search for it
 * @param ingestLimits attribute, event, link and value-length limits for every signal
 * @param retention days to keep per signal (old daily partitions are dropped hourly)
 * @param cluster cluster mode (Distributed tables over per-server tables), or none
 * @param spool the write-ahead spool (acknowledged means durable on disk) or its absence
 * @param ingestSecurity tokens, TLS, bind addresses and the rate limit of ingest
 */
public record CollectorConfig(
    Optional<String> clickHouseUrl,
    String clickHouseDatabase,
    String clickHouseUser,
    String clickHousePassword,
    Optional<Path> clickHouseBinary,
    int otlpHttpPort,
    int adminPort,
    Path dataDir,
    int embeddedClickHouseHttpPort,
    int embeddedClickHouseTcpPort,
    PipelineSettings spanPipeline,
    PipelineSettings metricPipeline,
    int maxBodyBytes,
    PipelineSettings logPipeline,
    IngestLimits ingestLimits,
    OtlpGrpcSettings otlpGrpc,
    RetentionSettings retention,
    ClusterSettings cluster,
    SpoolSettings spool,
    IngestSecuritySettings ingestSecurity) {

  /** The ClickHouse connection for {@code url} with the configured database and credentials. */
  public ClickHouseConfig clickHouse(String url) {
    return new ClickHouseConfig(url, clickHouseDatabase, clickHouseUser, clickHousePassword);
  }

  @Override
  public String toString() {
    // Never print the password.
    return "CollectorConfig[clickHouseUrl="
        + clickHouseUrl.orElse("(embedded)")
        + ", database="
        + clickHouseDatabase
        + ", otlpHttpPort="
        + otlpHttpPort
        + ", otlpGrpcPort="
        + otlpGrpc.port()
        + ", adminPort="
        + adminPort
        + ", dataDir="
        + dataDir
        + ", queue="
        + spanPipeline.queueCapacity()
        + ", batch="
        + spanPipeline.batchSize()
        + ", writers="
        + spanPipeline.writers()
        + ", spool="
        + (spool.enabled()
            ? spool.directory()
                + " (max "
                + spool.maxBytes()
                + " bytes, fsync "
                + spool.fsync()
                + ")"
            : "off")
        + ", "
        + ingestSecurity
        + "]";
  }
}
