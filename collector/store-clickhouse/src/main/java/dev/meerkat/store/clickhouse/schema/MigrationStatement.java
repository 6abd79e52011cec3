package dev.meerkat.store.clickhouse.schema;

import java.util.List;

/**
 * One statement of a migration file, parsed far enough to check that it is safe to run twice and to
 * rewrite it for cluster mode. Parsed by {@link MigrationStatementParser}.
 */
public sealed interface MigrationStatement {

  /** The statement as written, without comments. */
  String sql();

  /** The table or view the statement creates, changes or drops. */
  String object();

  /**
   * {@code CREATE TABLE IF NOT EXISTS t (columns) ENGINE = e ...}, or {@code ... t AS other ENGINE
   * = e ...} (then {@code columns} is empty and {@code asTable} names the other table).
   */
  record CreateTable(
      String sql,
      List<SqlToken> tokens,
      String object,
      int nameToken,
      List<String> columns,
      String asTable,
      int asTableToken,
      String engine,
      int engineToken)
      implements MigrationStatement {}

  /**
   * {@code CREATE MATERIALIZED VIEW IF NOT EXISTS v TO target AS SELECT ... FROM source}. {@code
   * target} is null for a view with its own inner table; {@code sourceTokens} are the indexes of
   * the tokens naming a table after FROM.
   */
  record CreateMaterializedView(
      String sql,
      List<SqlToken> tokens,
      String object,
      String target,
      int targetToken,
      List<Integer> sourceTokens,
      boolean joins)
      implements MigrationStatement {}

  /** {@code CREATE VIEW IF NOT EXISTS v AS SELECT ...}: reads whatever its query names. */
  record CreateView(String sql, String object) implements MigrationStatement {}

  /** {@code ALTER TABLE t ADD COLUMN IF NOT EXISTS c type [, ADD COLUMN IF NOT EXISTS ...]}. */
  record AddColumns(String sql, String object, List<Column> columns)
      implements MigrationStatement {}

  /** {@code DROP TABLE IF EXISTS t}. */
  record DropTable(String sql, String object) implements MigrationStatement {}

  /** A column added by {@link AddColumns}: its name and the rest of its definition. */
  record Column(String name, String definition) {}
}
