package dev.meerkat.store.clickhouse.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.meerkat.store.clickhouse.ClickHouseStore;
import dev.meerkat.store.clickhouse.testing.ClickHouseFixture;
import dev.meerkat.store.query.ErrorCause;
import dev.meerkat.store.query.ErrorGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ClickHouseErrorCauseRepositoryIT {

  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static ClickHouseStore store;

  @BeforeAll
  static void seed() {
    store = ClickHouseFixture.shared().newDatabase();
    List<String> rows = new ArrayList<>();
    // POST /pay: "card declined" twice at sample rate 5 (10 requests), in traces t2 and t1.
    rows.add(row("t2", "POST /pay", "SERVER", "ERROR", "card declined", 5, T0, false));
    rows.add(
        row("t1", "POST /pay", "SERVER", "ERROR", "card declined", 5, T0.plusSeconds(1), false));
    // POST /pay: no status message, an exception event: its type is the error type (3 requests).
    rows.add(row("t3", "POST /pay", "SERVER", "ERROR", "", 3, T0.plusSeconds(2), true));
    // GET /stock: neither message nor exception: the error.type attribute (HTTP status) names it.
    rows.add(row("t8", "GET /stock", "SERVER", "ERROR", "", 2, T0.plusSeconds(3), false));
    // GET /cart: 1 request with a message, and a consumer span counts as a request too.
    rows.add(row("t4", "GET /cart", "CONSUMER", "ERROR", "timeout", 1, T0.plusSeconds(3), false));
    // Not counted: a success, a client span, a span outside the range.
    rows.add(row("t5", "POST /pay", "SERVER", "OK", "", 1, T0.plusSeconds(4), false));
    rows.add(row("t6", "GET stock", "CLIENT", "ERROR", "refused", 1, T0.plusSeconds(5), false));
    rows.add(
        row("t7", "POST /pay", "SERVER", "ERROR", "card declined", 1, T0.plusSeconds(3600), false));
    insert(store, rows);
  }

  private static void insert(ClickHouseStore into, List<String> rows) {
    into.execute(
        "INSERT INTO spans (start_time, start_time_unix_nano, trace_id, span_id, service_name,"
            + " span_name, span_kind, status_code, status_message, sample_rate, event_names,"
            + " event_attribute_keys, event_attribute_values, event_time_unix_nanos,"
            + " attribute_keys, attribute_values) VALUES "
            + String.join(", ", rows));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void groupsFailedRequestsByOperationAndErrorTypeMostFirstWithExampleTraces() {
    List<ErrorCause> causes =
        new ClickHouseErrorCauseRepository(store)
            .errorCauses("checkout", List.of(), T0, T0.plusSeconds(60), 10);

    assertThat(causes)
        .containsExactly(
            new ErrorCause("POST /pay", "card declined", 10.0, List.of("t1", "t2")),
            new ErrorCause("POST /pay", "java.net.SocketTimeoutException", 3.0, List.of("t3")),
            new ErrorCause("GET /stock", "502", 2.0, List.of("t8")),
            new ErrorCause("GET /cart", "timeout", 1.0, List.of("t4")));
  }

  @Test
  void keepsToTheSelectedOperationsAndTheLimit() {
    assertThat(
            new ClickHouseErrorCauseRepository(store)
                .errorCauses("checkout", List.of("GET /cart"), T0, T0.plusSeconds(60), 10))
        .containsExactly(new ErrorCause("GET /cart", "timeout", 1.0, List.of("t4")));
    assertThat(
            new ClickHouseErrorCauseRepository(store)
                .errorCauses("checkout", List.of(), T0, T0.plusSeconds(60), 1))
        .extracting(ErrorCause::errorType)
        .containsExactly("card declined");
  }

  @Test
  void groupsFailedRequestsByExceptionTypeAndMessageOverAllOperations() {
    // Every seeded span has error.type 502: the type of those without an exception event.
    assertThat(
            new ClickHouseErrorCauseRepository(store)
                .topErrors("checkout", T0, T0.plusSeconds(60), 10))
        .containsExactly(
            new ErrorGroup("502", "card declined", 10.0, List.of("t1", "t2")),
            new ErrorGroup("java.net.SocketTimeoutException", "read timed out", 3.0, List.of("t3")),
            new ErrorGroup("502", "", 2.0, List.of("t8")),
            new ErrorGroup("502", "timeout", 1.0, List.of("t4")));
    assertThat(
            new ClickHouseErrorCauseRepository(store)
                .topErrors("checkout", T0, T0.plusSeconds(60), 2))
        .extracting(ErrorGroup::requests)
        .containsExactly(10.0, 3.0);
  }

  @Test
  void readsFailuresStoredBeforeTheErrorTableFromSpansAndCountsEachOnce() {
    try (ClickHouseStore upgraded = upgradedDatabase()) {
      assertThat(upgraded.query("SELECT count() AS n FROM span_errors").getFirst().longValue("n"))
          .isEqualTo(3);
      assertThat(
              new ClickHouseErrorCauseRepository(upgraded)
                  .errorCauses("checkout", List.of(), T0, T0.plusSeconds(60), 10))
          .containsExactly(
              // The three smallest trace ids of both parts.
              new ErrorCause(
                  "POST /pay", "card declined", 2 + 2 + 1 + 1, List.of("t1", "t3", "t4")),
              new ErrorCause("GET /stock", "502", 1.0, List.of("t9")),
              new ErrorCause("POST /pay", "java.net.SocketTimeoutException", 1.0, List.of("t2")));
    }
  }

  @Test
  void groupsTopErrorsOfSpansBeforeTheErrorTableWithItsRowsCountingEachOnce() {
    try (ClickHouseStore upgraded = upgradedDatabase()) {
      // t5, t3 and t9 from before V0028 and t4 (inside the view's first second) come from spans;
      // t1 and t2 from span_errors' group_type and group_message.
      assertThat(
              new ClickHouseErrorCauseRepository(upgraded)
                  .topErrors("checkout", T0, T0.plusSeconds(60), 10))
          .containsExactly(
              new ErrorGroup("502", "card declined", 2 + 2 + 1 + 1, List.of("t1", "t3", "t4")),
              new ErrorGroup("502", "", 1.0, List.of("t9")),
              new ErrorGroup(
                  "java.net.SocketTimeoutException", "read timed out", 1.0, List.of("t2")));
    }
  }

  /**
   * A database that held three failures before V0028 and got three more after it; the view copied
   * the last three, the first of which lies in the second the view may have been created in.
   */
  private static ClickHouseStore upgradedDatabase() {
    ClickHouseStore upgraded = ClickHouseFixture.shared().newDatabase();
    // A database that held spans before V0028: its view did not exist yet.
    upgraded.execute("DROP TABLE span_errors_mv");
    upgraded.execute("DROP TABLE span_errors");
    // Before: "card declined" in t5 and t3 at sample rate 2 (4 requests), a 502 in t9.
    insert(
        upgraded,
        List.of(
            row("t5", "POST /pay", "SERVER", "ERROR", "card declined", 2, T0, false),
            row("t3", "POST /pay", "SERVER", "ERROR", "card declined", 2, T0.plusSeconds(1), false),
            row("t9", "GET /stock", "SERVER", "ERROR", "", 1, T0.plusSeconds(2), false)));
    ClickHouseUpgradedDatabaseIT.apply(upgraded, "V0028__span_errors.sql");
    // After: "card declined" in t4 and t1 (2 requests), a timeout exception in t2; the view
    // copies these three, and the first, at T0 + 10 s, still comes from spans.
    insert(
        upgraded,
        List.of(
            row(
                "t4",
                "POST /pay",
                "SERVER",
                "ERROR",
                "card declined",
                1,
                T0.plusSeconds(10),
                false),
            row(
                "t1",
                "POST /pay",
                "SERVER",
                "ERROR",
                "card declined",
                1,
                T0.plusSeconds(11),
                false),
            row("t2", "POST /pay", "SERVER", "ERROR", "", 1, T0.plusSeconds(12), true)));
    return upgraded;
  }

  private static String row(
      String traceId,
      String name,
      String kind,
      String status,
      String message,
      double sampleRate,
      Instant start,
      boolean exception) {
    String events =
        exception
            ? "['log', 'exception'], [['level'], ['exception.message', 'exception.type']],"
                + " [['info'], ['read timed out', 'java.net.SocketTimeoutException']], [1, 2]"
            : "[], [], [], []";
    return "(toDateTime("
        + start.getEpochSecond()
        + "), "
        + start.getEpochSecond() * 1_000_000_000L
        + ", "
        + ClickHouseStore.quote(traceId)
        + ", 's-"
        + traceId
        + "', 'checkout', "
        + ClickHouseStore.quote(name)
        + ", '"
        + kind
        + "', '"
        + status
        + "', "
        + ClickHouseStore.quote(message)
        + ", "
        + sampleRate
        + ", "
        + events
        + ", ['http.route', 'error.type'], ['/x', '502'])";
  }
}
