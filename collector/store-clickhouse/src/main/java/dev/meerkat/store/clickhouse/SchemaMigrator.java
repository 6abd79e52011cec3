package dev.meerkat.store.clickhouse;

import dev.meerkat.store.clickhouse.schema.ClusterAwareMigration;
import dev.meerkat.store.clickhouse.schema.ClusterSettings;
import dev.meerkat.store.clickhouse.schema.MigrationFiles;
import dev.meerkat.store.clickhouse.schema.ParsedMigration;
import java.util.List;

/**
 * Applies the numbered migrations under {@code db/migration} ({@code V0001__spans.sql}, ...) in
 * order, once each, recording them in {@code schema_migrations}. Safe when several processes (the
 * collectors and the dashboard) migrate one database at the same time: every statement must be
 * idempotent (checked when the files are read), one process at a time holds a claim while the
 * others wait, each change is re-checked, and a changed applied migration is an error. In cluster
 * mode the statements are rewritten into Distributed tables over per-server {@code _local} tables
 * (see {@link ClusterSettings}). The machinery lives in the {@code schema} package.
 */
public final class SchemaMigrator {

  static final String LOCATION = MigrationFiles.LOCATION;

  private final ClickHouseStore store;
  private final ClusterSettings cluster;

  private SchemaMigrator(ClickHouseStore store, ClusterSettings cluster) {
    this.store = store;
    this.cluster = cluster;
  }

  /** A migrator for the one server of {@code store}. */
  public static SchemaMigrator create(ClickHouseStore store) {
    return new SchemaMigrator(store, ClusterSettings.none());
  }

  /** A migrator for {@code store}, in cluster mode when {@code cluster} is enabled. */
  public static SchemaMigrator create(ClickHouseStore store, ClusterSettings cluster) {
    return new SchemaMigrator(store, cluster);
  }

  /** A migration file: its version, name and SQL (comments removed, one statement a line). */
  public record Migration(int version, String fileName, String sql) {}

  /**
   * Creates the database and {@code schema_migrations} if missing, then applies every migration not
   * yet recorded. Returns the file names applied by this call (empty when up to date, or when
   * another process applied them meanwhile).
   */
  public List<String> migrate() {
    return ClusterAwareMigration.create(store, cluster, MigrationFiles.fromClassPath()).migrate();
  }

  /** The migrations on the class path, ordered by version; duplicate versions fail. */
  static List<Migration> loadMigrations() {
    return MigrationFiles.fromClassPath().stream().map(SchemaMigrator::migration).toList();
  }

  private static Migration migration(ParsedMigration parsed) {
    List<String> statements =
        parsed.statements().stream().map(statement -> statement.sql() + ";").toList();
    return new Migration(parsed.version(), parsed.fileName(), String.join("\n", statements));
  }
}
