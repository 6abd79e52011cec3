package dev.meerkat.store.clickhouse.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.store.clickhouse.schema.MigrationStatement.AddColumns;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.Column;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.CreateMaterializedView;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.CreateTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationFilesTest {

  private static final String REFUSAL_TAIL =
      ". Several processes may migrate one database at once, so every statement must be safe to"
          + " run twice; allowed are "
          + MigrationStatementParser.ALLOWED
          + ".";

  @Test
  void readsEveryShippedMigrationAsIdempotentStatements() {
    List<ParsedMigration> migrations = MigrationFiles.fromClassPath();

    assertThat(migrations.getFirst().fileName()).isEqualTo("V0001__spans.sql");
    CreateTable spans = (CreateTable) migrations.getFirst().statements().getFirst();
    assertThat(spans.object()).isEqualTo("spans");
    assertThat(spans.engine()).isEqualTo("MergeTree");
    assertThat(spans.columns()).startsWith("start_time", "start_time_unix_nano", "duration_nanos");
    assertThat(spans.columns()).contains("trace_id", "scope_version");
    CreateMaterializedView view =
        (CreateMaterializedView) migrations.get(2).statements().getFirst();
    assertThat(view.object()).isEqualTo("trace_index_mv");
    assertThat(view.target()).isEqualTo("trace_index");
    assertThat(view.sourceTokens()).hasSize(1);
  }

  @Test
  void refusesCreateTableWithoutIfNotExists() {
    assertThatThrownBy(
            () ->
                MigrationFiles.parse(
                    "V0030__bad.sql",
                    "-- a table\nCREATE TABLE things (id UInt32) ENGINE = MergeTree ORDER BY id"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "migration V0030__bad.sql statement 1 (CREATE TABLE things ( id UInt32 ) ENGINE ="
                + " MergeTree ORDE...) is refused: CREATE TABLE without IF NOT EXISTS fails"
                + " when run twice"
                + REFUSAL_TAIL);
  }

  @Test
  void refusesAddColumnWithoutIfNotExistsAndOtherStatements() {
    assertThatThrownBy(
            () ->
                MigrationFiles.parse(
                    "V0031__bad.sql",
                    "ALTER TABLE spans ADD COLUMN IF NOT EXISTS a String;\n"
                        + "ALTER TABLE spans ADD COLUMN b String"))
        .hasMessage(
            "migration V0031__bad.sql statement 2 (ALTER TABLE spans ADD COLUMN b String) is"
                + " refused: ADD COLUMN without IF NOT EXISTS fails when run twice: write ADD"
                + " COLUMN IF NOT EXISTS (the migrator makes it work on ClickHouse 18.16 too)"
                + REFUSAL_TAIL);
    assertThatThrownBy(() -> MigrationFiles.parse("V0032__bad.sql", "INSERT INTO spans VALUES (1)"))
        .hasMessage(
            "migration V0032__bad.sql statement 1 (INSERT INTO spans VALUES ( 1 )) is refused:"
                + " this kind of statement is not supported"
                + REFUSAL_TAIL);
    assertThatThrownBy(() -> MigrationFiles.parse("V0033__bad.sql", "DROP TABLE spans"))
        .hasMessageContaining("DROP TABLE without IF EXISTS fails when run twice");
    assertThatThrownBy(
            () ->
                MigrationFiles.parse(
                    "V0034__bad.sql",
                    "CREATE TABLE IF NOT EXISTS other.t (a UInt8) ENGINE = MergeTree ORDER BY a"))
        .hasMessageContaining(
            "name tables without a database (other.): the migrator runs every statement in the"
                + " configured database");
  }

  @Test
  void splitsStatementsAndReadsAddedColumns() {
    ParsedMigration migration =
        MigrationFiles.parse(
            "V0035__columns.sql",
            "/* events; links */ ALTER TABLE spans ADD COLUMN IF NOT EXISTS event_names"
                + " Array(String) DEFAULT [],\n"
                + "  ADD COLUMN IF NOT EXISTS note String DEFAULT 'a;b';\n"
                + "-- trailing comment;\n");

    assertThat(migration.version()).isEqualTo(35);
    assertThat(migration.statements()).hasSize(1);
    AddColumns add = (AddColumns) migration.statements().getFirst();
    assertThat(add.object()).isEqualTo("spans");
    assertThat(add.columns())
        .containsExactly(
            new Column("event_names", "Array(String) DEFAULT []"),
            new Column("note", "String DEFAULT 'a;b'"));
  }

  @Test
  void checksumIgnoresCommentsAndLayoutButNotContent() {
    String sql = "CREATE TABLE IF NOT EXISTS t (a UInt8) ENGINE = MergeTree ORDER BY a";
    String checksum = MigrationFiles.parse("V0040__t.sql", sql).checksum();

    assertThat(MigrationFiles.parse("V0040__t.sql", "-- why\n" + sql.replace(" (", "\n  (")))
        .extracting(ParsedMigration::checksum)
        .isEqualTo(checksum);
    assertThat(MigrationFiles.parse("V0040__t.sql", sql.replace("UInt8", "UInt16")).checksum())
        .isNotEqualTo(checksum);
  }
}
