package dev.meerkat.store.clickhouse.schema;

import java.util.List;

/** Walks the tokens of one statement for {@link MigrationStatementParser}. */
abstract class SqlCursor {

  final String sql;
  final List<SqlToken> tokens;
  int position;

  SqlCursor(String sql) {
    this.sql = sql;
    this.tokens = SqlScript.tokens(sql);
  }

  /** The index of the token closing the parenthesis at {@code open}. */
  int closing(int open) {
    int depth = 0;
    for (int i = open; i < tokens.size(); i++) {
      if (tokens.get(i).isSymbol("(")) {
        depth++;
      } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
        return i;
      }
    }
    throw refused("unbalanced parentheses");
  }

  /** The index of the first top-level comma at or after {@code from}, or the end. */
  int actionEnd(int from) {
    int depth = 0;
    for (int i = from; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      if (token.isSymbol("(") || token.isSymbol("[")) {
        depth++;
      } else if (token.isSymbol(")") || token.isSymbol("]")) {
        depth--;
      } else if (token.isSymbol(",") && depth == 0) {
        return i;
      }
    }
    return tokens.size();
  }

  String name() {
    if (position >= tokens.size() || !tokens.get(position).isName()) {
      throw refused("expected a name at " + describePosition());
    }
    String name = tokens.get(position++).name();
    if (peekSymbol(".")) {
      throw refused(qualifiedName(name));
    }
    return name;
  }

  static String qualifiedName(String database) {
    return "name tables without a database ("
        + database
        + ".): the migrator runs every statement in the configured database";
  }

  boolean accept(String keyword) {
    if (peek(keyword)) {
      position++;
      return true;
    }
    return false;
  }

  boolean peek(String keyword) {
    return position < tokens.size() && tokens.get(position).is(keyword);
  }

  boolean acceptSymbol(String symbol) {
    if (peekSymbol(symbol)) {
      position++;
      return true;
    }
    return false;
  }

  boolean peekSymbol(String symbol) {
    return position < tokens.size() && tokens.get(position).isSymbol(symbol);
  }

  void expect(String keyword) {
    if (!accept(keyword)) {
      throw refused("expected " + keyword + " at " + describePosition());
    }
  }

  void requireEnd() {
    if (position < tokens.size()) {
      throw refused("unexpected " + describePosition());
    }
  }

  String describePosition() {
    return position < tokens.size() ? "'" + tokens.get(position).text() + "'" : "the end";
  }

  IllegalArgumentException refused(String reason) {
    return new IllegalArgumentException(reason);
  }
}
