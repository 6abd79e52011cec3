package dev.meerkat.store.clickhouse.schema;

import static dev.meerkat.store.clickhouse.schema.ClusterSettings.localTable;

import dev.meerkat.store.clickhouse.schema.MigrationStatement.AddColumns;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.CreateMaterializedView;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.CreateTable;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.CreateView;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.DropTable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites migrations written for one server into the cluster layout, by these rules:
 *
 * <ul>
 *   <li>{@code CREATE TABLE t (...) ENGINE = <any *MergeTree>} becomes {@code t_local} with the
 *       same definition, plus {@code CREATE TABLE t AS t_local ENGINE = Distributed(cluster, db,
 *       t_local, key)}. The key keeps a trace on one shard: {@code cityHash64(trace_id)}; a table
 *       without {@code trace_id} is sharded by {@code cityHash64(service_name)}, else {@code
 *       rand()}. Readers and writers keep using {@code t}, now the Distributed table.
 *   <li>{@code CREATE MATERIALIZED VIEW m TO t AS SELECT ... FROM s} becomes {@code m TO t_local
 *       ... FROM s_local} on every server: a view fires on the server that stores the inserted
 *       rows, so each shard rolls up its own rows and reads through {@code t} add the shards up.
 *   <li>{@code ALTER TABLE t ADD COLUMN ...} applies to {@code t_local} and then {@code t}.
 *   <li>{@code CREATE VIEW} runs as written: it reads the Distributed tables.
 *   <li>{@code DROP TABLE t} drops {@code t} and {@code t_local}.
 * </ul>
 *
 * Anything else (another engine, a view without TO, a join in a view) is refused with the reason.
 */
final class ClusterSchemaRewriter implements SchemaLayout {

  // Token index of the name in CREATE TABLE IF NOT EXISTS <name> / CREATE [MATERIALIZED] VIEW ...
  private static final int TABLE_NAME_TOKEN = 5;
  private static final int VIEW_NAME_TOKEN = 5;
  private static final int MATERIALIZED_VIEW_NAME_TOKEN = 6;

  private final String cluster;
  private final String database;
  private final String onCluster;
  private final boolean replicated;
  private final Map<String, List<String>> shardedTables = new HashMap<>();

  /**
   * A rewriter for {@code migrations}, all of them (applied or not): it learns from them which
   * tables are sharded and which columns they have.
   */
  ClusterSchemaRewriter(ClusterSettings settings, String database, List<ParsedMigration> all) {
    this.cluster = settings.cluster();
    this.database = database;
    this.onCluster = settings.onCluster() ? " ON CLUSTER " + cluster : "";
    this.replicated = settings.replicated();
    for (ParsedMigration migration : all) {
      for (MigrationStatement statement : migration.statements()) {
        if (statement instanceof CreateTable create && isMergeTree(create.engine())) {
          List<String> columns =
              create.asTable() == null
                  ? create.columns()
                  : shardedTables.getOrDefault(create.asTable(), List.of());
          shardedTables.put(create.object(), columns);
        }
      }
    }
  }

  @Override
  public List<SchemaChange> changes(MigrationStatement statement) {
    return switch (statement) {
      case CreateTable create -> createTable(create);
      case CreateMaterializedView view -> materializedView(view);
      case CreateView view ->
          List.of(
              new SchemaChange.Create(
                  view.object(), withOnCluster(view.sql(), tokensOf(view), VIEW_NAME_TOKEN)));
      case AddColumns add ->
          List.of(
              new SchemaChange.AddColumns(
                  localTable(sharded(add.object())), add.columns(), onCluster),
              new SchemaChange.AddColumns(add.object(), add.columns(), onCluster));
      case DropTable drop -> dropTable(drop);
    };
  }

  private List<SchemaChange> createTable(CreateTable create) {
    if (!isMergeTree(create.engine())) {
      throw refused(
          create,
          "table "
              + create.object()
              + " uses engine "
              + create.engine()
              + "; only *MergeTree tables can be sharded");
    }
    String local = localTable(create.object());
    List<SqlEdit> replacements = new ArrayList<>();
    replacements.add(SqlEdit.of(create.tokens().get(create.nameToken()), local + onCluster));
    if (create.asTable() != null) {
      replacements.add(
          SqlEdit.of(
              create.tokens().get(create.asTableToken()), localTable(sharded(create.asTable()))));
    }
    if (replicated) {
      replacements.add(SqlEdit.replicatedEngine(create, database, local));
    }
    String distributed =
        "CREATE TABLE IF NOT EXISTS "
            + create.object()
            + onCluster
            + " AS "
            + local
            + " ENGINE = Distributed("
            + cluster
            + ", "
            + database
            + ", "
            + local
            + ", "
            + shardingKey(shardedTables.get(create.object()))
            + ")";
    return List.of(
        new SchemaChange.Create(local, SqlEdit.apply(create.sql(), replacements)),
        new SchemaChange.Create(create.object(), distributed));
  }

  private List<SchemaChange> materializedView(CreateMaterializedView view) {
    if (view.target() == null) {
      throw refused(view, "a materialized view needs TO <table> in cluster mode");
    }
    if (view.joins()) {
      throw refused(view, "a materialized view with JOIN cannot be sharded");
    }
    List<SqlEdit> replacements = new ArrayList<>();
    SqlToken name = view.tokens().get(MATERIALIZED_VIEW_NAME_TOKEN);
    replacements.add(SqlEdit.of(name, name.text() + onCluster));
    replacements.add(
        SqlEdit.of(view.tokens().get(view.targetToken()), localTable(sharded(view.target()))));
    for (int source : view.sourceTokens()) {
      SqlToken token = view.tokens().get(source);
      replacements.add(SqlEdit.of(token, localTable(sharded(token.name()))));
    }
    return List.of(new SchemaChange.Create(view.object(), SqlEdit.apply(view.sql(), replacements)));
  }

  private List<SchemaChange> dropTable(DropTable drop) {
    if (!shardedTables.containsKey(drop.object())) {
      return List.of(new SchemaChange.Drop(drop.object(), drop.sql() + onCluster));
    }
    String local = localTable(drop.object());
    return List.of(
        new SchemaChange.Drop(drop.object(), drop.sql() + onCluster),
        new SchemaChange.Drop(local, "DROP TABLE IF EXISTS " + local + onCluster));
  }

  /** The sharding key: a trace stays on one shard, else a service, else spread evenly. */
  static String shardingKey(List<String> columns) {
    if (columns.contains("trace_id")) {
      return "cityHash64(trace_id)";
    }
    if (columns.contains("service_name")) {
      return "cityHash64(service_name)";
    }
    return "rand()";
  }

  private String sharded(String table) {
    if (!shardedTables.containsKey(table)) {
      throw new IllegalStateException(
          "cluster mode cannot rewrite a statement on "
              + table
              + ": it is not a *MergeTree table created by a migration");
    }
    return table;
  }

  private String withOnCluster(String sql, List<SqlToken> tokens, int nameToken) {
    if (onCluster.isEmpty()) {
      return sql;
    }
    SqlToken name = tokens.get(nameToken);
    return SqlEdit.apply(sql, List.of(SqlEdit.of(name, name.text() + onCluster)));
  }

  private static List<SqlToken> tokensOf(CreateView view) {
    return SqlScript.tokens(view.sql());
  }

  private static boolean isMergeTree(String engine) {
    return engine.endsWith("MergeTree");
  }

  private static IllegalStateException refused(MigrationStatement statement, String reason) {
    return new IllegalStateException(
        "cluster mode cannot rewrite " + statement.object() + ": " + reason);
  }
}
