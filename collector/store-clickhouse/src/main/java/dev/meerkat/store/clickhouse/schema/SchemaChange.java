package dev.meerkat.store.clickhouse.schema;

import dev.meerkat.store.clickhouse.schema.MigrationStatement.Column;
import java.util.List;

/**
 * One change to run on one server, with the condition that proves it done: an object exists, is
 * gone, or has its columns. {@link SchemaChangeExecutor} checks that condition before (skip) and
 * after (re-check) running it, which is what makes concurrent migrators harmless.
 */
sealed interface SchemaChange {

  /** Creates {@code object} with {@code sql} ({@code CREATE ... IF NOT EXISTS}). */
  record Create(String object, String sql) implements SchemaChange {}

  /** Drops {@code object} with {@code sql} ({@code DROP TABLE IF EXISTS}). */
  record Drop(String object, String sql) implements SchemaChange {}

  /**
   * Adds the missing ones of {@code columns} to {@code table}. {@code onCluster} is the {@code ON
   * CLUSTER} clause (with a leading space) or empty.
   */
  record AddColumns(String table, List<Column> columns, String onCluster) implements SchemaChange {}
}
