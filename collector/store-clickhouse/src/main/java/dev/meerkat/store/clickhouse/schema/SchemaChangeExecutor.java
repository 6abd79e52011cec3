package dev.meerkat.store.clickhouse.schema;

import static dev.meerkat.store.clickhouse.ClickHouseStore.quote;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.Row;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.Column;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Runs {@link SchemaChange}s on one server so that running them again, or from two processes at
 * once, is harmless: a change whose result is already there is skipped; a change that fails is
 * accepted when its result is there afterwards (another process made it in between); a change that
 * succeeds is checked to have had its effect.
 */
final class SchemaChangeExecutor {

  private final ClickHouseStore store;

  SchemaChangeExecutor(ClickHouseStore store) {
    this.store = store;
  }

  void run(SchemaChange change) {
    switch (change) {
      case SchemaChange.Create create -> create(create);
      case SchemaChange.Drop drop -> drop(drop);
      case SchemaChange.AddColumns add -> addColumns(add);
    }
  }

  private void create(SchemaChange.Create create) {
    if (exists(create.object())) {
      return;
    }
    try {
      store.execute(create.sql());
    } catch (StoreException e) {
      if (!exists(create.object())) {
        throw e;
      }
    }
    if (!exists(create.object())) {
      throw new StoreException(
          "ran '" + create.sql() + "' but " + create.object() + " does not exist", false);
    }
  }

  private void drop(SchemaChange.Drop drop) {
    if (!exists(drop.object())) {
      return;
    }
    try {
      store.execute(drop.sql());
    } catch (StoreException e) {
      if (exists(drop.object())) {
        throw e;
      }
    }
  }

  /**
   * ClickHouse 18.16 has no {@code ADD COLUMN IF NOT EXISTS}: the columns already there are left
   * out and the rest added without the clause, which both versions understand. With ON CLUSTER the
   * statement runs on servers this process cannot see, so the clause stays (current ClickHouse).
   */
  private void addColumns(SchemaChange.AddColumns add) {
    if (!add.onCluster().isEmpty()) {
      StringJoiner actions = new StringJoiner(", ");
      for (Column column : add.columns()) {
        actions.add("ADD COLUMN IF NOT EXISTS " + column.name() + " " + column.definition());
      }
      store.execute("ALTER TABLE " + add.table() + add.onCluster() + " " + actions);
      requireColumns(add);
      return;
    }
    Set<String> present = columns(add.table());
    StringJoiner actions = new StringJoiner(", ");
    for (Column column : add.columns()) {
      if (!present.contains(column.name())) {
        actions.add("ADD COLUMN " + column.name() + " " + column.definition());
      }
    }
    if (actions.length() == 0) {
      return;
    }
    try {
      store.execute("ALTER TABLE " + add.table() + " " + actions);
    } catch (StoreException e) {
      if (!columns(add.table()).containsAll(names(add.columns()))) {
        throw e;
      }
    }
    requireColumns(add);
  }

  private void requireColumns(SchemaChange.AddColumns add) {
    Set<String> missing = new HashSet<>(names(add.columns()));
    missing.removeAll(columns(add.table()));
    if (!missing.isEmpty()) {
      throw new StoreException(
          "added columns to " + add.table() + " but " + missing + " are still missing", false);
    }
  }

  private static List<String> names(List<Column> columns) {
    return columns.stream().map(Column::name).toList();
  }

  boolean exists(String object) {
    return store
            .query(
                "SELECT count() AS n FROM system.tables WHERE database = "
                    + quote(store.config().database())
                    + " AND name = "
                    + quote(object))
            .getFirst()
            .longValue("n")
        > 0;
  }

  Set<String> columns(String table) {
    Set<String> names = new HashSet<>();
    for (Row row :
        store.query(
            "SELECT name FROM system.columns WHERE database = "
                + quote(store.config().database())
                + " AND table = "
                + quote(table))) {
      names.add(row.string("name"));
    }
    return names;
  }
}
