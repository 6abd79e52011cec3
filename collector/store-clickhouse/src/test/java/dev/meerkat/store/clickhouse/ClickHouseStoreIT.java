package dev.meerkat.store.clickhouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.meerkat.store.StoreException;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClickHouseStoreIT {

  private static final ClickHouseFixture clickHouse = ClickHouseFixture.shared();
  private static ClickHouseStore store;

  @BeforeAll
  static void createDatabase() {
    store = clickHouse.newDatabase();
    store.execute(
        "CREATE TABLE notes (id UInt32, text String, tags Array(String)) ENGINE = Memory");
  }

  @AfterAll
  static void closeStore() {
    store.close();
  }

  @Test
  void quoteRoundTripsHostileStrings() {
    List<String> hostile =
        List.of(
            "plain",
            "it's",
            "back\\slash",
            "'); DROP TABLE notes; --",
            "tab\tnew\nline\rcr",
            "nul\0byte",
            "\\'",
            "unicode \u00e9\u4e2d\ud83d\ude00",
            "");
    for (int i = 0; i < hostile.size(); i++) {
      String value = hostile.get(i);
      store.execute(
          "INSERT INTO notes VALUES ("
              + i
              + ", "
              + ClickHouseStore.quote(value)
              + ", ["
              + ClickHouseStore.quote(value)
              + "])");
    }

    List<Row> rows = store.query("SELECT id, text, tags FROM notes ORDER BY id");

    assertThat(rows).extracting(row -> row.string("text")).containsExactlyElementsOf(hostile);
    assertThat(rows)
        .extracting(row -> row.strings("tags"))
        .containsExactlyElementsOf(hostile.stream().map(List::of).toList());
    assertThat(store.query("SELECT count() AS n FROM notes").get(0).longValue("n"))
        .isEqualTo(hostile.size());
  }

  @Test
  void syntaxErrorCarriesTheServerMessageAndIsPermanent() {
    assertThatThrownBy(() -> store.query("SELEC 1"))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isFalse())
        .hasMessageStartingWith("ClickHouse answered HTTP 400: Code: 62")
        .hasMessageContaining("Syntax error");
  }

  @Test
  void errorRaisedWhileStreamingIsReportedNotTruncated() {
    assertThatThrownBy(
            () ->
                store.query(
                    "SELECT throwIf(number = 100000) AS x FROM system.numbers LIMIT 200000"))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("Code: 395");
  }

  @Test
  void unreachableServerIsRetryable() {
    int closedPort = ClickHouseFixture.freePort();
    try (ClickHouseStore nowhere =
        ClickHouseStore.connect(ClickHouseConfig.create("http://127.0.0.1:" + closedPort))) {
      assertThatThrownBy(() -> nowhere.execute("SELECT 1"))
          .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
          .hasMessageStartingWith("cannot connect to ClickHouse at http://127.0.0.1:" + closedPort);
      assertThat(nowhere.ping(Duration.ofSeconds(1))).isFalse();
    }
  }

  @Test
  void insertsRowBinary() {
    store.execute("CREATE TABLE binary_rows (id UInt32, text String) ENGINE = Memory");

    store.insertRowBinary(
        "binary_rows",
        List.of("id", "text"),
        out -> {
          for (int i = 0; i < 3; i++) {
            out.writeUInt32(i);
            out.writeString("row " + i + " \u00e9");
          }
        });

    assertThat(store.query("SELECT id, text FROM binary_rows ORDER BY id"))
        .extracting(row -> row.longValue("id") + ":" + row.string("text"))
        .containsExactly("0:row 0 \u00e9", "1:row 1 \u00e9", "2:row 2 \u00e9");
  }

  // ClickHouse answers 404 for every table while it shuts down: accepted rows must wait, not go.
  @Test
  void insertIntoMissingTableIsRetryable() {
    assertThatThrownBy(
            () -> store.insertRowBinary("no_such_table", List.of("id"), out -> out.writeUInt32(1)))
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.retryable()).isTrue())
        .hasMessageStartingWith("insert into no_such_table failed with HTTP 404");
  }

  @Test
  void reportsServerVersionAndPing() {
    assertThat(store.serverVersion()).matches("\\d+\\.\\d+.*");
    assertThat(store.ping(Duration.ofSeconds(5))).isTrue();
  }
}
