package dev.meerkat.store.clickhouse.schema;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a migration file into statements and statements into tokens. Understands just enough of
 * ClickHouse's SQL for the migrator: line comments ({@code --}) and block comments, string literals
 * with backslash escapes, quoted identifiers, numbers and symbols.
 */
final class SqlScript {

  private SqlScript() {}

  /** The statements of {@code text}, comments removed, split at top-level semicolons. */
  static List<String> statements(String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '-' && text.startsWith("--", i)) {
        i = lineEnd(text, i);
        current.append(' ');
      } else if (c == '/' && text.startsWith("/*", i)) {
        int close = text.indexOf("*/", i + 2);
        if (close < 0) {
          throw new IllegalArgumentException("unterminated /* comment");
        }
        i = close + 2;
        current.append(' ');
      } else if (c == '\'' || c == '`' || c == '"') {
        int end = quotedEnd(text, i);
        current.append(text, i, end);
        i = end;
      } else if (c == ';') {
        add(statements, current);
        current.setLength(0);
        i++;
      } else {
        current.append(c);
        i++;
      }
    }
    add(statements, current);
    return statements;
  }

  /** The tokens of one statement (without comments). */
  static List<SqlToken> tokens(String statement) {
    List<SqlToken> tokens = new ArrayList<>();
    int i = 0;
    while (i < statement.length()) {
      char c = statement.charAt(i);
      int end;
      SqlToken.Type type;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      } else if (c == '\'') {
        end = quotedEnd(statement, i);
        type = SqlToken.Type.STRING;
      } else if (c == '`' || c == '"') {
        end = quotedEnd(statement, i);
        type = SqlToken.Type.QUOTED_IDENTIFIER;
      } else if (Character.isLetter(c) || c == '_') {
        end = i + 1;
        while (end < statement.length()
            && (Character.isLetterOrDigit(statement.charAt(end)) || statement.charAt(end) == '_')) {
          end++;
        }
        type = SqlToken.Type.WORD;
      } else if (Character.isDigit(c)) {
        end = i + 1;
        while (end < statement.length()
            && (Character.isLetterOrDigit(statement.charAt(end)) || statement.charAt(end) == '.')) {
          end++;
        }
        type = SqlToken.Type.NUMBER;
      } else {
        end = i + 1;
        type = SqlToken.Type.SYMBOL;
      }
      tokens.add(new SqlToken(type, statement.substring(i, end), i, end));
      i = end;
    }
    return tokens;
  }

  /**
   * The statement with every run of whitespace outside literals folded to one space: the form the
   * checksum is taken of, so reformatting or re-commenting an applied migration is not a change.
   */
  static String normalized(String statement) {
    StringBuilder out = new StringBuilder();
    for (SqlToken token : tokens(statement)) {
      if (!out.isEmpty()) {
        out.append(' ');
      }
      out.append(token.text());
    }
    return out.toString();
  }

  private static void add(List<String> statements, StringBuilder current) {
    String statement = current.toString().strip();
    if (!statement.isEmpty()) {
      statements.add(statement);
    }
  }

  private static int lineEnd(String text, int from) {
    int newline = text.indexOf('\n', from);
    return newline < 0 ? text.length() : newline;
  }

  /** The index after the closing quote of the literal or identifier opening at {@code start}. */
  private static int quotedEnd(String text, int start) {
    char quote = text.charAt(start);
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("unterminated " + quote + " at offset " + start);
  }
}
