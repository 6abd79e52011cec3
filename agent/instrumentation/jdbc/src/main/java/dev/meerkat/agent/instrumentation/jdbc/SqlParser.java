package dev.meerkat.agent.instrumentation.jdbc;

import java.util.Locale;

/**
 * Reads the operation and the collection (table) or stored procedure from a sanitized statement
 * (see {@link SqlSanitizer}: no literals, no comments, single spaces). The operation is the
 * statement's first keyword, upper case, for the statements below; the collection is the first one
 * the statement names (semconv), as written (schema prefix and quotes kept). Anything else has no
 * operation.
 *
 * <ul>
 *   <li>{@code SELECT ... FROM t} (the first {@code FROM} outside parentheses; none for a
 *       subquery), {@code INSERT [INTO] t}, {@code UPDATE t}, {@code DELETE [FROM] t}, {@code MERGE
 *       [INTO] t};
 *   <li>{@code CREATE|DROP|ALTER|TRUNCATE [TABLE] [IF [NOT] EXISTS] t} (the collection only for
 *       tables);
 *   <li>{@code CALL p(...)} and the JDBC escapes {@code {call p(?)}}, {@code {? = call p(?)}}: the
 *       stored procedure;
 *   <li>{@code WITH ... AS (...) SELECT|INSERT|UPDATE|DELETE|MERGE ...}: as the main statement.
 * </ul>
 */
final class SqlParser {
  private final String text;
  private int position;

  private SqlParser(String text) {
    this.text = text;
  }

  static SqlQuery parse(String sanitized) {
    SqlParser parser = new SqlParser(sanitized);
    String first = parser.next();
    if ("{".equals(first)) {
      String token = parser.next();
      if ("?".equals(token)) {
        token = "=".equals(parser.next()) ? parser.next() : null;
      }
      return "call".equalsIgnoreCase(token)
          ? new SqlQuery(sanitized, "CALL", null, parser.name(), 0)
          : new SqlQuery(sanitized, null, null, null, 0);
    }
    return first == null
        ? new SqlQuery(sanitized, null, null, null, 0)
        : parser.statement(first.toUpperCase(Locale.ROOT));
  }

  private SqlQuery statement(String operation) {
    switch (operation) {
      case "SELECT":
        return query(operation, from());
      case "INSERT":
        return query(operation, nameAfter("INTO", "IGNORE"));
      case "UPDATE":
        return query(operation, nameAfter("ONLY", "IGNORE"));
      case "DELETE":
        return query(operation, nameAfter("FROM", "ONLY"));
      case "MERGE":
        return query(operation, nameAfter("INTO", "INTO"));
      case "CALL":
        return new SqlQuery(text, operation, null, name(), 0);
      case "CREATE":
      case "DROP":
      case "ALTER":
      case "TRUNCATE":
        return query(operation, table(operation.equals("TRUNCATE")));
      case "WITH":
        return mainStatement();
      default:
        return query(null, null);
    }
  }

  private SqlQuery query(String operation, String collection) {
    return new SqlQuery(text, operation, collection, null, 0);
  }

  /** The first FROM outside parentheses, then the name after it. */
  private String from() {
    int depth = 0;
    for (String token = next(); token != null; token = next()) {
      if (token.equals("(")) {
        depth++;
      } else if (token.equals(")")) {
        depth--;
      } else if (depth == 0 && token.equalsIgnoreCase("FROM")) {
        return nameAfter("ONLY", "ONLY");
      }
    }
    return null;
  }

  /** {@code [modifiers] TABLE [IF [NOT] EXISTS] [ONLY] name}; TRUNCATE may omit TABLE. */
  private String table(boolean tableOptional) {
    String token = next();
    while (isOneOf(token, "GLOBAL", "LOCAL", "TEMPORARY", "TEMP", "UNLOGGED", "CACHED", "MEMORY")) {
      token = next();
    }
    if (token == null) {
      return null;
    }
    if (token.equalsIgnoreCase("TABLE")) {
      token = next();
    } else if (!tableOptional) {
      return null;
    }
    while (isOneOf(token, "IF", "NOT", "EXISTS", "ONLY")) {
      token = next();
    }
    return isName(token) ? token : null;
  }

  /** WITH's main statement: the first DML keyword outside parentheses. */
  private SqlQuery mainStatement() {
    int depth = 0;
    for (String token = next(); token != null; token = next()) {
      if (token.equals("(")) {
        depth++;
      } else if (token.equals(")")) {
        depth--;
      } else if (depth == 0 && isOneOf(token, "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE")) {
        return statement(token.toUpperCase(Locale.ROOT));
      }
    }
    return query(null, null);
  }

  /** The next name, after optional words. */
  private String nameAfter(String optional, String alsoOptional) {
    String token = next();
    while (isOneOf(token, optional, alsoOptional)) {
      token = next();
    }
    return isName(token) ? token : null;
  }

  private String name() {
    String token = next();
    return isName(token) ? token : null;
  }

  private static boolean isName(String token) {
    if (token == null) {
      return false;
    }
    char c = token.charAt(0);
    return c == '"' || c == '`' || c == '[' || SqlSanitizer.isIdentifierStart(c);
  }

  private static boolean isOneOf(String token, String... words) {
    if (token == null) {
      return false;
    }
    for (String word : words) {
      if (token.equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The next token: a possibly qualified name ({@code s.t}, {@code "S"."T"}, {@code [dbo].[t]}) or
   * one other character; null at the end.
   */
  private String next() {
    int n = text.length();
    while (position < n && text.charAt(position) == ' ') {
      position++;
    }
    if (position >= n) {
      return null;
    }
    int start = position;
    if (!namePart()) {
      position++;
      return text.substring(start, position);
    }
    while (position + 1 < n && text.charAt(position) == '.') {
      position++;
      if (!namePart()) {
        position--;
        break;
      }
    }
    return text.substring(start, position);
  }

  /** Advances over one name part when there is one at the position. */
  private boolean namePart() {
    int n = text.length();
    char c = text.charAt(position);
    if (c == '"' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c;
      int end = text.indexOf(close, position + 1);
      position = end < 0 ? n : end + 1;
      return true;
    }
    if (!SqlSanitizer.isIdentifierStart(c)) {
      return false;
    }
    position++;
    while (position < n && SqlSanitizer.isIdentifierPart(text.charAt(position))) {
      position++;
    }
    return true;
  }
}
