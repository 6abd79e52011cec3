package dev.meerkat.agent.instrumentation.jdbc;

/**
 * Replaces SQL literals with {@code ?} in one pass over the text: strings ({@code 'x'}, {@code
 * E'x'}, {@code N'x'}, {@code U&'x'}, PostgreSQL/H2 dollar quotes), numbers, hex and bit literals
 * ({@code 0x1F}, {@code X'1F'}, {@code B'01'}). Comments are dropped, whitespace runs become one
 * space. Identifiers, quoted identifiers, keywords ({@code NULL}, {@code TRUE}) and parameter
 * markers ({@code ?}, {@code $1}, {@code :name}) stay. An unterminated literal or comment swallows
 * the rest of the text, so a literal never leaks. {@link SqlParser} reads the result.
 *
 * <p>Two dialects: standard SQL (PostgreSQL, H2, Oracle, SQL Server...: {@code ''} escapes a quote,
 * double quotes delimit identifiers, block comments nest) and MySQL/MariaDB (backslash escapes,
 * double-quoted strings, {@code #} comments).
 */
final class SqlSanitizer {
  static final SqlSanitizer STANDARD = new SqlSanitizer(false);
  static final SqlSanitizer MYSQL = new SqlSanitizer(true);

  private final boolean mysql;

  private SqlSanitizer(boolean mysql) {
    this.mysql = mysql;
  }

  String sanitize(String sql) {
    int n = sql.length();
    StringBuilder out = new StringBuilder(n);
    boolean space = false;
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      char next = i + 1 < n ? sql.charAt(i + 1) : 0;
      if (Character.isWhitespace(c)) {
        space = true;
        i++;
        continue;
      }
      if ((c == '-' && next == '-') || (c == '#' && mysql)) {
        i = lineEnd(sql, i);
        space = true;
        continue;
      }
      if (c == '/' && next == '*') {
        i = blockCommentEnd(sql, i + 2);
        space = true;
        continue;
      }
      if (space && out.length() > 0) {
        out.append(' ');
      }
      space = false;
      if (c == '\'' || (c == '"' && mysql)) {
        i = stringEnd(sql, i + 1, c, mysql);
        out.append('?');
      } else if (c == '"' || c == '`') {
        int end = stringEnd(sql, i + 1, c, false);
        out.append(sql, i, end);
        i = end;
      } else if (c == '$') {
        i = dollar(sql, i, out);
      } else if (isDigit(c) || (c == '.' && isDigit(next))) {
        i = numberEnd(sql, i);
        out.append('?');
      } else if (isIdentifierStart(c)) {
        i = identifier(sql, i, out);
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * Copies an identifier or keyword, unless it is the prefix of a string literal ({@code E'..'},
   * {@code N'..'}, {@code X'..'}, {@code B'..'}, {@code U&'..'}), which becomes {@code ?}.
   */
  private int identifier(String sql, int start, StringBuilder out) {
    int n = sql.length();
    int end = start + 1;
    while (end < n && isIdentifierPart(sql.charAt(end))) {
      end++;
    }
    if (end - start == 1 && end < n) {
      char prefix = Character.toUpperCase(sql.charAt(start));
      char quote = sql.charAt(end);
      if (quote == '\'' && (prefix == 'E' || prefix == 'N' || prefix == 'X' || prefix == 'B')) {
        out.append('?');
        return stringEnd(sql, end + 1, '\'', mysql || prefix == 'E');
      }
      if (prefix == 'U' && quote == '&' && end + 1 < n && sql.charAt(end + 1) == '\'') {
        out.append('?');
        return stringEnd(sql, end + 2, '\'', mysql);
      }
    }
    out.append(sql, start, end);
    return end;
  }

  /** A dollar-quoted string ({@code $$..$$}, {@code $tag$..$tag$}) or a {@code $1} parameter. */
  private static int dollar(String sql, int start, StringBuilder out) {
    int n = sql.length();
    int i = start + 1;
    if (i < n && isDigit(sql.charAt(i))) {
      while (i < n && isDigit(sql.charAt(i))) {
        i++;
      }
      out.append(sql, start, i);
      return i;
    }
    while (i < n && sql.charAt(i) != '$' && isIdentifierPart(sql.charAt(i))) {
      i++;
    }
    if (i >= n || sql.charAt(i) != '$') {
      out.append('$');
      return start + 1;
    }
    String tag = sql.substring(start, i + 1);
    int close = sql.indexOf(tag, i + 1);
    out.append('?');
    return close < 0 ? n : close + tag.length();
  }

  /** The index after the closing quote; a doubled quote (and a backslash if asked) escapes. */
  private static int stringEnd(String sql, int i, char quote, boolean backslash) {
    int n = sql.length();
    while (i < n) {
      char c = sql.charAt(i);
      if (backslash && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < n && sql.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return n;
  }

  /** Digits, a fraction, an exponent; or 0x followed by hex digits. */
  private static int numberEnd(String sql, int i) {
    int n = sql.length();
    if (sql.charAt(i) == '0' && i + 2 < n && (sql.charAt(i + 1) | 0x20) == 'x') {
      int j = i + 2;
      while (j < n && Character.digit(sql.charAt(j), 16) >= 0) {
        j++;
      }
      if (j > i + 2) {
        return j;
      }
    }
    while (i < n && isDigit(sql.charAt(i))) {
      i++;
    }
    if (i < n && sql.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(sql.charAt(i))) {
        i++;
      }
    }
    if (i < n && (sql.charAt(i) | 0x20) == 'e') {
      int j = i + 1;
      if (j < n && (sql.charAt(j) == '+' || sql.charAt(j) == '-')) {
        j++;
      }
      if (j < n && isDigit(sql.charAt(j))) {
        i = j;
        while (i < n && isDigit(sql.charAt(i))) {
          i++;
        }
      }
    }
    return i;
  }

  private static int lineEnd(String sql, int i) {
    int n = sql.length();
    while (i < n && sql.charAt(i) != '\n' && sql.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  /** After the matching close; standard SQL block comments nest, MySQL's do not. */
  private int blockCommentEnd(String sql, int i) {
    int n = sql.length();
    int depth = 1;
    while (i < n) {
      char c = sql.charAt(i);
      char next = i + 1 < n ? sql.charAt(i + 1) : 0;
      if (c == '*' && next == '/') {
        i += 2;
        if (--depth == 0) {
          return i;
        }
      } else if (c == '/' && next == '*' && !mysql) {
        depth++;
        i += 2;
      } else {
        i++;
      }
    }
    return n;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || c == '_'
        || (c > 127 && Character.isLetter(c));
  }

  static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || isDigit(c) || c == '$' || (c > 127 && Character.isDigit(c));
  }
}
