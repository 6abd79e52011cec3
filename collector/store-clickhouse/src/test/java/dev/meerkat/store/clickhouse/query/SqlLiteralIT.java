package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Hostile values written as literals come back from a real ClickHouse byte for byte. */
class SqlLiteralIT {

  private static final List<String> HOSTILE =
      List.of(
          "",
          "it's",
          "'",
          "''",
          "\\",
          "\\'",
          "back\\slash at end\\",
          "nul\0inside",
          "tab\tnew\nline\rreturn\bback\ffeed",
          "\u0001\u001f\u007f controls",
          "é 中文 😀",
          "'; DROP TABLE spans; --",
          "x' OR '1'='1",
          "?{param:String}",
          "'\\'".repeat(20_000) + "end");

  private static ClickHouseStore store;

  @BeforeAll
  static void open() {
    store = ClickHouseFixture.shared().newDatabase();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void stringLiteralsRoundTrip() {
    for (String value : HOSTILE) {
      assertThat(store.query("SELECT " + SqlLiteral.string(value) + " AS v").getFirst().string("v"))
          .isEqualTo(value);
    }
  }

  @Test
  void arrayLiteralsRoundTrip() {
    assertThat(
            store.query("SELECT " + SqlLiteral.strings(HOSTILE) + " AS v").getFirst().strings("v"))
        .containsExactlyElementsOf(HOSTILE);
  }

  @Test
  void hostileValueIsComparedNotExecuted() {
    assertThat(
            store
                .query(
                    "SELECT count() AS n FROM system.one WHERE 'x' = "
                        + SqlLiteral.string("x' OR '1'='1"))
                .getFirst()
                .longValue("n"))
        .isZero();
  }
}
