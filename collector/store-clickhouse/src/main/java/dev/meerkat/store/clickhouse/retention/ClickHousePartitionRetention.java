package dev.meerkat.store.clickhouse.retention;

import static dev.meerkat.store.clickhouse.ClickHouseStore.quote;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.clickhouse.schema.ClusterSettings;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drops whole daily partitions older than each signal's retention: {@code ALTER TABLE t DROP
 * PARTITION ID 'YYYYMMDD'}, which every ClickHouse version has (18.16 has no TTL). A day is dropped
 * only when all of it is older than the retention, so no row goes before its time. Days are the
 * server's: {@code toDate()} partitions by the server's time zone. In cluster mode the per-server
 * {@code _local} tables are pruned on every server (a Distributed table has no partitions).
 */
public final class ClickHousePartitionRetention {

  private static final Logger logger = LoggerFactory.getLogger(ClickHousePartitionRetention.class);

  private final ClickHouseStore store;
  private final ClusterSettings cluster;
  private final RetentionSettings settings;
  private final Clock clock;

  private ClickHousePartitionRetention(
      ClickHouseStore store, ClusterSettings cluster, RetentionSettings settings, Clock clock) {
    this.store = store;
    this.cluster = cluster;
    this.settings = settings;
    this.clock = clock;
  }

  public static ClickHousePartitionRetention create(
      ClickHouseStore store, ClusterSettings cluster, RetentionSettings settings, Clock clock) {
    return new ClickHousePartitionRetention(store, cluster, settings, clock);
  }

  /** A partition that was dropped: on which server, from which table. */
  public record DroppedPartition(String url, String table, String partitionId) {}

  /** Drops what is due on every server; returns what it dropped. */
  public List<DroppedPartition> run() {
    Instant now = clock.instant();
    List<DroppedPartition> dropped = new ArrayList<>();
    if (!cluster.enabled() || cluster.onCluster()) {
      dropped.addAll(runOn(store, now));
      return dropped;
    }
    ClickHouseConfig config = store.config();
    for (String url : cluster.shardUrls()) {
      try (ClickHouseStore server =
          ClickHouseStore.connect(
              new ClickHouseConfig(url, config.database(), config.user(), config.password()))) {
        dropped.addAll(runOn(server, now));
      }
    }
    return dropped;
  }

  private List<DroppedPartition> runOn(ClickHouseStore server, Instant now) {
    ZoneId zone = serverZone(server);
    String onCluster = cluster.onCluster() ? " ON CLUSTER " + cluster.cluster() : "";
    StringJoiner tables = new StringJoiner(", ", "(", ")");
    for (String table : RetentionSignal.tables()) {
      tables.add(quote(physical(table)));
    }
    List<DroppedPartition> dropped = new ArrayList<>();
    for (Row row :
        server.query(
            "SELECT DISTINCT table, partition_id FROM system.parts WHERE active AND database = "
                + quote(server.config().database())
                + " AND table IN "
                + tables
                + " ORDER BY table, partition_id")) {
      String table = row.string("table");
      String partition = row.string("partition_id");
      int days = settings.days(RetentionSignal.ofTable(logical(table)).orElseThrow());
      if (days == 0 || !isExpired(partition, zone, now.minus(Duration.ofDays(days)))) {
        continue;
      }
      try {
        server.execute(
            "ALTER TABLE " + table + onCluster + " DROP PARTITION ID " + quote(partition));
        logger.info(
            "Dropped partition {} of {} at {} (retention {} days)",
            partition,
            table,
            server.config().url(),
            days);
        dropped.add(new DroppedPartition(server.config().url(), table, partition));
      } catch (StoreException e) {
        // One failed drop must not keep the others: the next run tries again.
        logger.warn("Cannot drop partition {} of {}: {}", partition, table, e.getMessage());
      }
    }
    return dropped;
  }

  /**
   * Whether every row of the partition is older than {@code cutoff}: a day ({@code YYYYMMDD}) or a
   * month ({@code YYYYMM}) that ended at or before it. Other partition ids are never dropped.
   */
  static boolean isExpired(String partitionId, ZoneId zone, Instant cutoff) {
    Optional<LocalDate> end = partitionEnd(partitionId);
    return end.isPresent() && !end.get().atStartOfDay(zone).toInstant().isAfter(cutoff);
  }

  private static Optional<LocalDate> partitionEnd(String partitionId) {
    try {
      if (partitionId.matches("\\d{8}")) {
        return Optional.of(
            LocalDate.of(
                    Integer.parseInt(partitionId.substring(0, 4)),
                    Integer.parseInt(partitionId.substring(4, 6)),
                    Integer.parseInt(partitionId.substring(6, 8)))
                .plusDays(1));
      }
      if (partitionId.matches("\\d{6}")) {
        return Optional.of(
            LocalDate.of(
                    Integer.parseInt(partitionId.substring(0, 4)),
                    Integer.parseInt(partitionId.substring(4, 6)),
                    1)
                .plusMonths(1));
      }
    } catch (DateTimeException notADate) {
      // Falls through: an id that only looks like a date is left alone.
    }
    return Optional.empty();
  }

  private static ZoneId serverZone(ClickHouseStore server) {
    String zone = server.query("SELECT timezone() AS zone").getFirst().string("zone");
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw new StoreException("ClickHouse reports an unknown time zone " + zone, false, e);
    }
  }

  private String physical(String table) {
    return cluster.enabled() ? ClusterSettings.localTable(table) : table;
  }

  private String logical(String table) {
    return cluster.enabled() ? table.substring(0, table.length() - "_local".length()) : table;
  }
}
