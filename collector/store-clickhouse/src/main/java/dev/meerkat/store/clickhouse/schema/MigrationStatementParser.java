package dev.meerkat.store.clickhouse.schema;

import dev.meerkat.store.clickhouse.schema.MigrationStatement.AddColumns;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.Column;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.CreateMaterializedView;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.CreateTable;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.CreateView;
import dev.meerkat.store.clickhouse.schema.MigrationStatement.DropTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses one migration statement and refuses any that is not safe to run twice: several collectors
 * and dashboards may migrate one database at the same time, and ClickHouse has no transaction to
 * make a statement run once. The refusal says what to write instead.
 */
final class MigrationStatementParser extends SqlCursor {

  static final String ALLOWED =
      "CREATE TABLE IF NOT EXISTS, CREATE MATERIALIZED VIEW IF NOT EXISTS, CREATE VIEW IF NOT"
          + " EXISTS, ALTER TABLE ... ADD COLUMN IF NOT EXISTS, DROP TABLE IF EXISTS";
  private static final Set<String> NOT_COLUMNS = Set.of("INDEX", "CONSTRAINT", "PROJECTION");

  private MigrationStatementParser(String sql) {
    super(sql);
  }

  /**
   * The parsed statement.
   *
   * @throws IllegalArgumentException with the reason, when the statement is not one of {@link
   *     #ALLOWED} or is not idempotent
   */
  static MigrationStatement parse(String sql) {
    return new MigrationStatementParser(sql).statement();
  }

  private MigrationStatement statement() {
    if (accept("CREATE")) {
      if (accept("TABLE")) {
        return createTable();
      }
      if (accept("MATERIALIZED")) {
        expect("VIEW");
        return materializedView();
      }
      if (accept("VIEW")) {
        String view = ifNotExistsName("CREATE VIEW");
        return new CreateView(sql, view);
      }
    } else if (accept("ALTER")) {
      expect("TABLE");
      return addColumns();
    } else if (accept("DROP")) {
      expect("TABLE");
      if (!(accept("IF") && accept("EXISTS"))) {
        throw refused("DROP TABLE without IF EXISTS fails when run twice");
      }
      String table = name();
      requireEnd();
      return new DropTable(sql, table);
    }
    throw refused("this kind of statement is not supported");
  }

  private CreateTable createTable() {
    String table = ifNotExistsName("CREATE TABLE");
    int nameToken = position - 1;
    rejectOnCluster();
    List<String> columns = List.of();
    String asTable = null;
    int asTableToken = -1;
    if (accept("AS")) {
      asTable = name();
      asTableToken = position - 1;
    } else if (peekSymbol("(")) {
      columns = columnNames(position, closing(position));
      position = closing(position) + 1;
    } else {
      throw refused("expected a column list or AS <table> after the table name");
    }
    while (position < tokens.size() && !tokens.get(position).is("ENGINE")) {
      position++;
    }
    if (!accept("ENGINE")) {
      throw refused("CREATE TABLE " + table + " names no ENGINE");
    }
    if (!acceptSymbol("=")) {
      throw refused("expected = after ENGINE");
    }
    String engine = name();
    return new CreateTable(
        sql, tokens, table, nameToken, columns, asTable, asTableToken, engine, position - 1);
  }

  private CreateMaterializedView materializedView() {
    String view = ifNotExistsName("CREATE MATERIALIZED VIEW");
    rejectOnCluster();
    String target = null;
    int targetToken = -1;
    if (accept("TO")) {
      target = name();
      targetToken = position - 1;
    }
    List<Integer> sources = new ArrayList<>();
    boolean joins = false;
    for (int i = position; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      if (token.is("POPULATE")) {
        throw refused("POPULATE copies rows again on every run; fill the view's table instead");
      }
      // ARRAY JOIN unfolds arrays of the same row: no second table, so it shards fine.
      joins |= token.is("JOIN") && !(i > 0 && tokens.get(i - 1).is("ARRAY"));
      if (token.is("FROM") && i + 1 < tokens.size() && tokens.get(i + 1).isName()) {
        if (i + 2 < tokens.size() && tokens.get(i + 2).isSymbol(".")) {
          throw refused(qualifiedName(tokens.get(i + 1).name()));
        }
        sources.add(i + 1);
      }
    }
    return new CreateMaterializedView(sql, tokens, view, target, targetToken, sources, joins);
  }

  private AddColumns addColumns() {
    String table = name();
    rejectOnCluster();
    List<Column> columns = new ArrayList<>();
    while (true) {
      if (!(accept("ADD") && accept("COLUMN"))) {
        throw refused("ALTER TABLE may only ADD COLUMN IF NOT EXISTS");
      }
      if (!(accept("IF") && accept("NOT") && accept("EXISTS"))) {
        throw refused(
            "ADD COLUMN without IF NOT EXISTS fails when run twice: write ADD COLUMN IF NOT"
                + " EXISTS (the migrator makes it work on ClickHouse 18.16 too)");
      }
      String column = name();
      int end = actionEnd(position);
      if (end == position) {
        throw refused("column " + column + " has no type");
      }
      String definition = sql.substring(tokens.get(position).start(), tokens.get(end - 1).end());
      columns.add(new Column(column, definition));
      position = end;
      if (!acceptSymbol(",")) {
        break;
      }
    }
    requireEnd();
    return new AddColumns(sql, table, List.copyOf(columns));
  }

  private String ifNotExistsName(String what) {
    if (!(accept("IF") && accept("NOT") && accept("EXISTS"))) {
      throw refused(what + " without IF NOT EXISTS fails when run twice");
    }
    return name();
  }

  private void rejectOnCluster() {
    if (peek("ON")) {
      throw refused(
          "ON CLUSTER is added by the migrator in cluster mode (MEERKAT_CLICKHOUSE_CLUSTER);"
              + " migrations are written for one server");
    }
  }

  /**
   * The names of the columns declared between the parentheses at {@code open} and {@code close}.
   */
  private List<String> columnNames(int open, int close) {
    List<String> names = new ArrayList<>();
    int depth = 0;
    boolean elementStart = true;
    for (int i = open + 1; i < close; i++) {
      SqlToken token = tokens.get(i);
      if (elementStart && token.isName() && !NOT_COLUMNS.contains(token.text().toUpperCase())) {
        names.add(token.name());
      }
      elementStart = false;
      if (token.isSymbol("(")) {
        depth++;
      } else if (token.isSymbol(")")) {
        depth--;
      } else if (token.isSymbol(",") && depth == 0) {
        elementStart = true;
      }
    }
    return List.copyOf(names);
  }
}
