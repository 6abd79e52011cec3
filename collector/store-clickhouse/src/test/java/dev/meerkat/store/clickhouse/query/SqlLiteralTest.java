package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlLiteralTest {

  @Test
  void escapesQuotesBackslashesAndControlCharacters() {
    assertThat(SqlLiteral.string("a'b\\c\0d\ne")).isEqualTo("'a\\'b\\\\c\\0d\\ne'");
    assertThat(SqlLiteral.strings(List.of("x", "'"))).isEqualTo("['x', '\\'']");
  }

  @Test
  void longStringsStayOneLiteral() {
    String literal = SqlLiteral.string("'".repeat(100_000));

    assertThat(literal).hasSize(200_002).startsWith("'\\'").endsWith("\\''");
  }

  @Test
  void timesAndNumbersComeFromJavaValues() {
    assertThat(SqlLiteral.dateTime(Instant.parse("2026-03-01T12:00:00.900Z")))
        .isEqualTo("toDateTime(1772366400)");
    assertThat(SqlLiteral.uint64(42)).isEqualTo("toUInt64(42)");
    assertThatThrownBy(() -> SqlLiteral.uint64(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("negative UInt64: -1");
  }
}
