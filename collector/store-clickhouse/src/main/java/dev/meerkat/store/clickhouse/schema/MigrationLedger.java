package dev.meerkat.store.clickhouse.schema;

import static dev.meerkat.store.clickhouse.ClickHouseStore.quote;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.Column;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code schema_migrations}: one row per applied migration, written after all its statements
 * succeeded, with the checksum of the statements. Rows may appear twice (two processes that both
 * applied a migration, see {@link MigrationClaims}); reads group by version, so that is harmless.
 */
final class MigrationLedger {

  static final String TABLE = "schema_migrations";

  /** The layout of rows written before layouts were recorded. */
  static final String SINGLE_SERVER = "single server";

  private final ClickHouseStore store;
  private final SchemaChangeExecutor executor;
  private final String layout;

  /**
   * @param layout {@link #SINGLE_SERVER} or {@code cluster <name>}: a database is migrated in one
   *     layout only, so a process configured otherwise is stopped before it adds the wrong tables
   */
  MigrationLedger(ClickHouseStore store, SchemaChangeExecutor executor, String layout) {
    this.store = store;
    this.executor = executor;
    this.layout = layout;
  }

  /** Creates the ledger, or adds the checksum and layout columns to one of an older Meerkat. */
  void createIfMissing() {
    executor.run(
        new SchemaChange.Create(
            TABLE,
            "CREATE TABLE IF NOT EXISTS "
                + TABLE
                + " (version UInt32, name String, applied_at DateTime)"
                + " ENGINE = MergeTree ORDER BY version"));
    executor.run(
        new SchemaChange.AddColumns(
            TABLE,
            List.of(
                new Column("checksum", "String DEFAULT ''"),
                new Column("layout", "String DEFAULT ''")),
            ""));
  }

  /**
   * The checksums recorded per applied version (an empty checksum: applied by an older Meerkat).
   */
  Map<Integer, Set<String>> applied() {
    Map<Integer, Set<String>> applied = new HashMap<>();
    for (Row row :
        store.query(
            "SELECT version, groupUniqArray(checksum) AS checksums FROM "
                + TABLE
                + " GROUP BY version")) {
      applied.put((int) row.longValue("version"), new HashSet<>(row.strings("checksums")));
    }
    return applied;
  }

  void record(ParsedMigration migration) {
    store.execute(
        "INSERT INTO "
            + TABLE
            + " (version, name, applied_at, checksum, layout) VALUES ("
            + migration.version()
            + ", "
            + quote(migration.fileName())
            + ", now(), "
            + quote(migration.checksum())
            + ", "
            + quote(layout)
            + ")");
  }

  /**
   * Fails when the database was migrated in another layout: a dashboard without the cluster
   * settings must not add one-server tables to a cluster, nor a collector with them shard a
   * one-server database (moving data between layouts is an operator's job).
   */
  void requireLayout(String where) {
    for (Row row : store.query("SELECT DISTINCT layout FROM " + TABLE)) {
      String recorded = row.string("layout").isEmpty() ? SINGLE_SERVER : row.string("layout");
      if (!recorded.equals(layout)) {
        throw new IllegalStateException(
            where
                + " was migrated as "
                + recorded
                + " but this process is configured as "
                + layout
                + ": give every collector and the dashboard the same MEERKAT_CLICKHOUSE_CLUSTER"
                + " settings");
      }
    }
  }

  /**
   * Fails when an applied migration's file changed since: the schema no longer matches the files,
   * and a new migration is the way to change it.
   */
  static void requireUnchanged(
      List<ParsedMigration> migrations, Map<Integer, Set<String>> applied, String where) {
    for (ParsedMigration migration : migrations) {
      Set<String> checksums = applied.get(migration.version());
      if (checksums == null) {
        continue;
      }
      for (String checksum : checksums) {
        if (!checksum.isEmpty() && !checksum.equals(migration.checksum())) {
          throw new IllegalStateException(
              "migration "
                  + migration.fileName()
                  + " was applied to "
                  + where
                  + " with checksum "
                  + checksum
                  + " but the file now has checksum "
                  + migration.checksum()
                  + ": an applied migration must not change; undo the edit and add a new"
                  + " migration instead");
        }
      }
    }
  }
}
