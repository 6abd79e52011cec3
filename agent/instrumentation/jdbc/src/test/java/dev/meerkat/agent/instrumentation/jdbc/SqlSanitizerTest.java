package dev.meerkat.agent.instrumentation.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SqlSanitizerTest {
  static Stream<Arguments> standard() {
    return Stream.of(
        // strings
        arguments("SELECT * FROM t WHERE name = 'George'", "SELECT * FROM t WHERE name = ?"),
        arguments("SELECT 'it''s', ''", "SELECT ?, ?"),
        arguments("SELECT 'a\\' FROM t", "SELECT ? FROM t"),
        arguments("SELECT E'it\\'s' FROM t", "SELECT ? FROM t"),
        arguments("SELECT e'\\\\' , n'x', N'y'", "SELECT ? , ?, ?"),
        arguments("SELECT U&'d\\0061t' FROM t", "SELECT ? FROM t"),
        arguments("SELECT 'unterminated FROM secret", "SELECT ?"),
        arguments("SELECT 'multi\nline' FROM t", "SELECT ? FROM t"),
        // hex and bit strings
        arguments(
            "SELECT X'1F', x'ab', B'0101', 0x1F, 0XAbC FROM t", "SELECT ?, ?, ?, ?, ? FROM t"),
        // numbers
        arguments(
            "SELECT 1, 23, 4.5, .5, 6., 1e10, 2.5E-3, 7e+2 FROM t",
            "SELECT ?, ?, ?, ?, ?, ?, ?, ? FROM t"),
        arguments(
            "UPDATE t SET a = -1, b = a-2 WHERE c > +3",
            "UPDATE t SET a = -?, b = a-? WHERE c > +?"),
        arguments("SELECT a FROM t LIMIT 10 OFFSET 20", "SELECT a FROM t LIMIT ? OFFSET ?"),
        arguments("SELECT 0 FROM t", "SELECT ? FROM t"),
        arguments("SELECT 0x FROM t", "SELECT ?x FROM t"),
        // identifiers with digits, quoted identifiers
        arguments("SELECT col1, t2.c3 FROM tab9 t2", "SELECT col1, t2.c3 FROM tab9 t2"),
        arguments(
            "SELECT \"Col 1\", \"a\"\"b\" FROM \"My Table\"",
            "SELECT \"Col 1\", \"a\"\"b\" FROM \"My Table\""),
        arguments("SELECT `x1` FROM `t`", "SELECT `x1` FROM `t`"),
        arguments("SELECT a$b, _c FROM t", "SELECT a$b, _c FROM t"),
        arguments("SELECT préféré FROM données", "SELECT préféré FROM données"),
        // keywords, parameters, IN lists
        arguments(
            "SELECT * FROM t WHERE a IS NULL AND b = TRUE",
            "SELECT * FROM t WHERE a IS NULL AND b = TRUE"),
        arguments(
            "SELECT * FROM t WHERE a = ? AND b = $1 AND c = :name",
            "SELECT * FROM t WHERE a = ? AND b = $1 AND c = :name"),
        arguments("SELECT * FROM t WHERE id IN (1, 2, 3)", "SELECT * FROM t WHERE id IN (?, ?, ?)"),
        arguments("SELECT * FROM t WHERE s IN ('a','b')", "SELECT * FROM t WHERE s IN (?,?)"),
        // PostgreSQL: casts, dollar quotes, arrays
        arguments("SELECT '1'::int, 2::text", "SELECT ?::int, ?::text"),
        arguments("SELECT $$it's$$, $tag$ a $$ b $tag$ FROM t", "SELECT ?, ? FROM t"),
        arguments(
            "CREATE FUNCTION f() RETURNS int AS $$ SELECT 42 $$ LANGUAGE sql",
            "CREATE FUNCTION f() RETURNS int AS ? LANGUAGE sql"),
        arguments("SELECT $$unterminated secret", "SELECT ?"),
        arguments("SELECT ARRAY[1, 2]", "SELECT ARRAY[?, ?]"),
        arguments("SELECT a $ b", "SELECT a $ b"),
        // comments are dropped, whitespace normalised
        arguments("SELECT a -- the 'secret' 42\nFROM t", "SELECT a FROM t"),
        arguments("SELECT /* hint 'x' */ a FROM t", "SELECT a FROM t"),
        arguments("SELECT a /* outer /* nested 1 */ still */ FROM t", "SELECT a FROM t"),
        arguments("SELECT a FROM t /* unterminated 'secret'", "SELECT a FROM t"),
        arguments("/* leading */ SELECT 1", "SELECT ?"),
        arguments("  SELECT\n\ta\r\n  FROM   t  ;  ", "SELECT a FROM t ;"),
        arguments("SELECT a-b, c/d, e*f FROM t", "SELECT a-b, c/d, e*f FROM t"),
        // JDBC escapes
        arguments("{call p(?, 'x', 3)}", "{call p(?, ?, ?)}"),
        arguments("{? = call f(?)}", "{? = call f(?)}"),
        arguments("SELECT {d '2024-01-01'} FROM t", "SELECT {d ?} FROM t"),
        arguments("", ""),
        arguments("   ", ""));
  }

  @ParameterizedTest
  @MethodSource("standard")
  void replacesLiteralsAndDropsComments(String sql, String expected) {
    assertThat(SqlSanitizer.STANDARD.sanitize(sql)).isEqualTo(expected);
  }

  static Stream<Arguments> mysql() {
    return Stream.of(
        arguments(
            "SELECT * FROM t WHERE a = 'it\\'s' AND b = 'x'",
            "SELECT * FROM t WHERE a = ? AND b = ?"),
        arguments("SELECT * FROM t WHERE a = \"double\"", "SELECT * FROM t WHERE a = ?"),
        arguments("SELECT a FROM t # comment 'x'\nWHERE b = 1", "SELECT a FROM t WHERE b = ?"),
        arguments("SELECT a /* not /* nested */ FROM t", "SELECT a FROM t"),
        arguments("SELECT `order` FROM `t` WHERE x = 0xFF", "SELECT `order` FROM `t` WHERE x = ?"));
  }

  @ParameterizedTest
  @MethodSource("mysql")
  void mysqlDialectHasBackslashEscapesDoubleQuotedStringsAndHashComments(
      String sql, String expected) {
    assertThat(SqlSanitizer.MYSQL.sanitize(sql)).isEqualTo(expected);
  }

  @Test
  void standardDialectKeepsHashAndDoubleQuotes() {
    assertThat(SqlSanitizer.STANDARD.sanitize("SELECT a #> '{b}' FROM \"t\""))
        .isEqualTo("SELECT a #> ? FROM \"t\"");
  }

  @Test
  void aLongStatementIsSanitizedInOnePass() {
    StringBuilder sql = new StringBuilder("INSERT INTO t VALUES ");
    StringBuilder expected = new StringBuilder("INSERT INTO t VALUES ");
    for (int i = 0; i < 10_000; i++) {
      sql.append(i == 0 ? "" : ", ")
          .append("(")
          .append(i)
          .append(", 'name ")
          .append(i)
          .append("')");
      expected.append(i == 0 ? "" : ", ").append("(?, ?)");
    }
    assertThat(SqlSanitizer.STANDARD.sanitize(sql.toString())).isEqualTo(expected.toString());
  }
}
