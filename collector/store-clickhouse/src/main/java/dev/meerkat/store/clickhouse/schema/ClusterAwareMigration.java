package dev.meerkat.store.clickhouse.schema;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.clickhouse.ClickHouseConfig;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.schema.ServerMigration.MigrationTimings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans every migration for the layout (one server, or a cluster) before running any, so a
 * statement cluster mode cannot rewrite fails before the first change; then migrates each server:
 * the one configured, or every server of the cluster, or the configured one with {@code ON
 * CLUSTER}.
 */
public final class ClusterAwareMigration {

  private final ClickHouseStore store;
  private final ClusterSettings cluster;
  private final List<ParsedMigration> migrations;
  private final MigrationTimings timings;

  private ClusterAwareMigration(
      ClickHouseStore store,
      ClusterSettings cluster,
      List<ParsedMigration> migrations,
      MigrationTimings timings) {
    this.store = store;
    this.cluster = cluster;
    this.migrations = migrations;
    this.timings = timings;
  }

  public static ClusterAwareMigration create(
      ClickHouseStore store, ClusterSettings cluster, List<ParsedMigration> migrations) {
    return new ClusterAwareMigration(store, cluster, migrations, MigrationTimings.DEFAULT);
  }

  /** The same migration with another lease and wait limit (tests use short ones). */
  ClusterAwareMigration withTimings(MigrationTimings otherTimings) {
    return new ClusterAwareMigration(store, cluster, migrations, otherTimings);
  }

  /** Migrates; returns the file names applied by this call, in order, without repeats. */
  public List<String> migrate() {
    Map<Integer, List<SchemaChange>> plans = plan();
    String owner = "pid " + ProcessHandle.current().pid() + " " + Thread.currentThread().getName();
    if (!cluster.enabled()) {
      createDatabase(store, "");
      return new ServerMigration(store, migrations, plans, timings, layout(), owner).run();
    }
    if (cluster.onCluster()) {
      createDatabase(store, " ON CLUSTER " + cluster.cluster());
      return new ServerMigration(store, migrations, plans, timings, layout(), owner).run();
    }
    Set<String> applied = new LinkedHashSet<>();
    ClickHouseConfig config = store.config();
    for (String url : cluster.shardUrls()) {
      try (ClickHouseStore server =
          ClickHouseStore.connect(
              new ClickHouseConfig(url, config.database(), config.user(), config.password()))) {
        createDatabase(server, "");
        applied.addAll(
            new ServerMigration(server, migrations, plans, timings, layout(), owner).run());
      }
    }
    return List.copyOf(applied);
  }

  private String layout() {
    return cluster.enabled() ? "cluster " + cluster.cluster() : MigrationLedger.SINGLE_SERVER;
  }

  /** The changes of each migration, by version. */
  Map<Integer, List<SchemaChange>> plan() {
    SchemaLayout layout =
        cluster.enabled()
            ? new ClusterSchemaRewriter(cluster, store.config().database(), migrations)
            : SchemaLayout.singleServer();
    Map<Integer, List<SchemaChange>> plans = new LinkedHashMap<>();
    for (ParsedMigration migration : migrations) {
      List<SchemaChange> changes = new ArrayList<>();
      for (MigrationStatement statement : migration.statements()) {
        try {
          changes.addAll(layout.changes(statement));
        } catch (IllegalStateException e) {
          throw new IllegalStateException(
              "migration " + migration.fileName() + ": " + e.getMessage(), e);
        }
      }
      plans.put(migration.version(), List.copyOf(changes));
    }
    return plans;
  }

  /**
   * Concurrent {@code CREATE DATABASE IF NOT EXISTS} may fail on 18.16 while another process
   * creates it; the second try then finds it. With ON CLUSTER the statement runs from the system
   * database, since the configured one may not exist yet.
   */
  private static void createDatabase(ClickHouseStore server, String onCluster) {
    if (onCluster.isEmpty()) {
      try {
        server.createDatabaseIfMissing();
      } catch (StoreException e) {
        server.createDatabaseIfMissing();
      }
      return;
    }
    try (ClickHouseStore system = ClickHouseStore.connect(server.config().withDatabase("system"))) {
      system.execute("CREATE DATABASE IF NOT EXISTS " + server.config().database() + onCluster);
    }
  }
}
