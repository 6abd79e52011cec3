package dev.meerkat.store.clickhouse.schema;

import dev.meerkat.store.clickhouse.schema.MigrationStatement.AddColumns;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.CreateMaterializedView;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.CreateTable;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.CreateView;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.DropTable;
import java.util.List;

/** Turns a migration's statements into the changes to run on each server. */
interface SchemaLayout {

  List<SchemaChange> changes(MigrationStatement statement);

  /** One server: every statement runs as written. */
  static SchemaLayout singleServer() {
    return statement ->
        switch (statement) {
          case CreateTable create ->
              List.of(new SchemaChange.Create(create.object(), create.sql()));
          case CreateMaterializedView view ->
              List.of(new SchemaChange.Create(view.object(), view.sql()));
          case CreateView view -> List.of(new SchemaChange.Create(view.object(), view.sql()));
          case AddColumns add ->
              List.of(new SchemaChange.AddColumns(add.object(), add.columns(), ""));
          case DropTable drop -> List.of(new SchemaChange.Drop(drop.object(), drop.sql()));
        };
  }
}
